import { Checkbox, Input, InputNumber, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  LICENCE_TYPE_CODES,
  type EditableRule,
  type MatchMode,
  type RuleInput,
  type ValueType,
} from '../../domain/rule-form';
import { AdminField, FieldError } from './AdminField';
import { licenceTypeName } from './RuleList';

interface Props {
  rule: EditableRule;
  index: number;
  problems: Partial<Record<RuleInput, string>>;
  idOf: (input: RuleInput) => string;
  onChange: (patch: Partial<EditableRule>) => void;
}

const VALUE_TYPES: readonly ValueType[] = ['string', 'number', 'boolean'];
const MATCH_MODES: readonly MatchMode[] = ['equals', 'in'];
/** Region codes are digits: a comma or space between pasted codes separates them. */
const CODE_SEPARATORS = [',', '，', '、', ' '];

/** The inputs for the params of the rule's kind (none for NO_OPEN_APPLICATION). */
export function RuleParams({ rule, index, problems, idOf, onChange }: Props) {
  const { t } = useTranslation();
  const field = (path: string) => `rules.${index}.params.${path}`;

  switch (rule.kind) {
    case 'MIN_AGE':
    case 'MAX_AGE':
      return (
        <AdminField
          id={idOf('years')}
          label={t(`admin.rules.editor.years.${rule.kind}`)}
          hint={t('admin.rules.editor.yearsHint')}
          error={problems.years}
          field={field('years')}
          className="aff-admin-field--narrow"
        >
          {(props) => (
            // No min/max here: a value the server refuses gets its message under this input.
            <InputNumber
              {...props}
              value={rule.years}
              precision={0}
              inputMode="numeric"
              onChange={(value) => onChange({ years: typeof value === 'number' ? value : null })}
              data-testid="rule-years"
            />
          )}
        </AdminField>
      );
    case 'LICENCES_VALID': {
      const codes = [
        ...LICENCE_TYPE_CODES,
        ...rule.licenceTypes.filter((c) => !LICENCE_TYPE_CODES.includes(c)),
      ];
      return (
        <AdminField
          id={idOf('licenceTypes')}
          label={t('admin.rules.editor.licenceTypes')}
          hint={t('admin.rules.editor.licenceTypesHint')}
          error={problems.licenceTypes}
          field={field('licenceTypes')}
        >
          {(props) => (
            <Select
              {...props}
              mode="multiple"
              value={rule.licenceTypes}
              onChange={(licenceTypes: string[]) => onChange({ licenceTypes })}
              options={codes.map((code) => ({ value: code, label: `${licenceTypeName(code, t)} · ${code}` }))}
              optionFilterProp="label"
              data-testid="rule-licence-types"
            />
          )}
        </AdminField>
      );
    }
    case 'RESIDENT_OF':
      return (
        <AdminField
          id={idOf('regionCodes')}
          label={t('admin.rules.editor.regionCodes')}
          hint={t('admin.rules.editor.regionCodesHint')}
          error={problems.regionCodes}
          field={field('regionCodes')}
        >
          {(props) => (
            <Select
              {...props}
              mode="tags"
              value={rule.regionCodes}
              onChange={(regionCodes: string[]) =>
                onChange({ regionCodes: regionCodes.map((c) => c.trim()) })
              }
              tokenSeparators={CODE_SEPARATORS}
              notFoundContent={null}
              suffixIcon={null}
              data-testid="rule-region-codes"
            />
          )}
        </AdminField>
      );
    case 'NO_OPEN_APPLICATION':
      return <p className="aff-muted">{t('admin.rules.editor.noParams')}</p>;
    case 'FORM_ANSWER':
      return (
        <FormAnswerParams rule={rule} index={index} problems={problems} idOf={idOf} onChange={onChange} />
      );
  }
}

function FormAnswerParams({ rule, index, problems, idOf, onChange }: Props) {
  const { t } = useTranslation();
  const field = (path: string) => `rules.${index}.params.${path}`;
  const valuesField = field(rule.match);
  const valuesError = `${idOf('values')}-error`;

  return (
    <>
      <div className="aff-admin-grid">
        <AdminField
          id={idOf('field')}
          label={t('admin.rules.editor.field')}
          hint={t('admin.rules.editor.fieldHint')}
          error={problems.field}
          field={field('field')}
        >
          {(props) => (
            <Input
              {...props}
              value={rule.field}
              onChange={(e) => onChange({ field: e.target.value })}
              maxLength={64}
              autoComplete="off"
              spellCheck={false}
              data-testid="rule-field"
            />
          )}
        </AdminField>
        <AdminField
          id={idOf('fieldLabelZh')}
          label={t('admin.rules.editor.fieldLabelZh')}
          error={problems.fieldLabelZh}
          field={field('fieldLabel.zh')}
        >
          {(props) => (
            <Input
              {...props}
              lang="zh-CN"
              value={rule.fieldLabelZh}
              onChange={(e) => onChange({ fieldLabelZh: e.target.value })}
              maxLength={60}
              data-testid="rule-field-label-zh"
            />
          )}
        </AdminField>
        <AdminField
          id={idOf('fieldLabelEn')}
          label={t('admin.rules.editor.fieldLabelEn')}
          error={problems.fieldLabelEn}
          field={field('fieldLabel.en')}
        >
          {(props) => (
            <Input
              {...props}
              lang="en"
              value={rule.fieldLabelEn}
              onChange={(e) => onChange({ fieldLabelEn: e.target.value })}
              maxLength={120}
              data-testid="rule-field-label-en"
            />
          )}
        </AdminField>
      </div>
      <div className="aff-admin-grid">
        <fieldset className="aff-field">
          <legend>{t('admin.rules.editor.match')}</legend>
          <Radio.Group
            value={rule.match}
            onChange={(e) => onChange({ match: e.target.value as MatchMode })}
            options={MATCH_MODES.map((mode) => ({
              value: mode,
              label: t(`admin.rules.editor.matchModes.${mode}`),
            }))}
            className="aff-radio-group"
            data-testid="rule-match"
          />
        </fieldset>
        <fieldset className="aff-field">
          <legend>{t('admin.rules.editor.valueType')}</legend>
          <Radio.Group
            value={rule.valueType}
            onChange={(e) => {
              const valueType = e.target.value as ValueType;
              // Text like SELF is not a yes/no answer: start the values again for booleans.
              const keep = valueType !== 'boolean' && rule.valueType !== 'boolean';
              onChange({ valueType, values: keep ? rule.values : [] });
            }}
            options={VALUE_TYPES.map((type) => ({
              value: type,
              label: t(`admin.rules.editor.valueTypes.${type}`),
            }))}
            className="aff-radio-group"
            data-testid="rule-value-type"
          />
        </fieldset>
      </div>
      {rule.valueType === 'boolean' ? (
        <fieldset className="aff-field">
          <legend>{t(`admin.rules.editor.values.${rule.match}`)}</legend>
          {rule.match === 'equals' ? (
            <Radio.Group
              id={idOf('values')}
              value={rule.values[0]}
              onChange={(e) => onChange({ values: [e.target.value as string] })}
              options={[
                { value: 'true', label: t('admin.rules.readable.yes') },
                { value: 'false', label: t('admin.rules.readable.no') },
              ]}
              className="aff-radio-group"
              aria-describedby={problems.values ? valuesError : undefined}
              data-testid="rule-values"
            />
          ) : (
            <div id={idOf('values')} aria-describedby={problems.values ? valuesError : undefined}>
              <Checkbox.Group
                value={rule.values}
                onChange={(values) => onChange({ values })}
                options={[
                  { value: 'true', label: t('admin.rules.readable.yes') },
                  { value: 'false', label: t('admin.rules.readable.no') },
                ]}
                className="aff-radio-group"
                data-testid="rule-values"
              />
            </div>
          )}
          <FieldError id={valuesError} message={problems.values} field={valuesField} />
        </fieldset>
      ) : (
        <AdminField
          id={idOf('values')}
          label={t(`admin.rules.editor.values.${rule.match}`)}
          hint={rule.match === 'in' ? t('admin.rules.editor.valuesHint') : undefined}
          error={problems.values}
          field={valuesField}
        >
          {(props) =>
            rule.match === 'equals' ? (
              <Input
                {...props}
                value={rule.values[0] ?? ''}
                inputMode={rule.valueType === 'number' ? 'decimal' : undefined}
                onChange={(e) => onChange({ values: [e.target.value] })}
                maxLength={100}
                data-testid="rule-values"
              />
            ) : (
              <Select
                {...props}
                mode="tags"
                value={rule.values}
                onChange={(values: string[]) => onChange({ values })}
                notFoundContent={null}
                suffixIcon={null}
                data-testid="rule-values"
              />
            )
          }
        </AdminField>
      )}
    </>
  );
}
