import { Button, Input, Select } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAffairsContext } from '../../app/affairs-context';
import {
  RULE_KINDS,
  ruleLabel,
  type EditableRule,
  type RuleDraft,
  type RuleInput,
  type RuleKind,
} from '../../domain/rule-form';
import { AdminField, FieldError } from './AdminField';
import { kindName, ruleSummary } from './RuleList';
import { RuleParams } from './RuleParams';

interface Props {
  rule: RuleDraft;
  index: number;
  count: number;
  problems: Partial<Record<RuleInput, string>>;
  idOf: (input: RuleInput) => string;
  onChange: (patch: Partial<EditableRule>) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}

/** One rule in the editor: what it checks in words, its id, label, kind and the kind's params. */
export function RuleCard({ rule, index, count, problems, idOf, onChange, onMove, onRemove }: Props) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const n = index + 1;
  const titleId = `${idOf('rule')}-title`;
  const field = (input: string) => `rules.${index}.${input}`;

  return (
    <li
      className={`aff-card aff-admin-rule${Object.values(problems).some(Boolean) ? ' aff-admin-rule--invalid' : ''}`}
      aria-labelledby={titleId}
      data-testid="rule-card"
      data-index={index}
      data-kind={rule.kind}
      data-rule-id={rule.id}
    >
      <div className="aff-admin-rule__head">
        <h3 id={titleId}>
          {t('admin.rules.editor.rule', { n })}
          <span className="aff-admin-rule__preview">
            {ruleLabel(rule, locale) ?? ruleSummary(rule, t, locale)}
          </span>
        </h3>
        <div className="aff-admin-rule__tools" role="group" aria-label={t('admin.rules.editor.tools', { n })}>
          <Button
            icon={<ArrowUpOutlined aria-hidden />}
            onClick={() => onMove(-1)}
            disabled={index === 0}
            aria-label={t('admin.rules.editor.moveUp', { n })}
            data-testid="rule-move-up"
          />
          <Button
            icon={<ArrowDownOutlined aria-hidden />}
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            aria-label={t('admin.rules.editor.moveDown', { n })}
            data-testid="rule-move-down"
          />
          <Button
            danger
            icon={<DeleteOutlined aria-hidden />}
            onClick={onRemove}
            aria-label={t('admin.rules.editor.remove', { n })}
            data-testid="rule-remove"
          />
        </div>
      </div>
      <FieldError id={`${idOf('rule')}-error`} message={problems.rule} field={`rules.${index}`} />

      {!rule.editable ? (
        <p className="aff-admin-rule__readonly" data-testid="rule-readonly">
          <LockOutlined aria-hidden /> {ruleSummary(rule, t, locale)}{' '}
          {t('admin.rules.readable.id', { id: rule.id || '—' })}
        </p>
      ) : (
        <>
          <div className="aff-admin-grid">
            <AdminField
              id={idOf('id')}
              label={t('admin.rules.editor.id')}
              hint={t('admin.rules.editor.idHint')}
              error={problems.id}
              field={field('id')}
            >
              {(props) => (
                <Input
                  {...props}
                  value={rule.id}
                  onChange={(e) => onChange({ id: e.target.value })}
                  maxLength={32}
                  autoComplete="off"
                  spellCheck={false}
                  data-testid="rule-id"
                />
              )}
            </AdminField>
            <AdminField
              id={idOf('kind')}
              label={t('admin.rules.editor.kind')}
              error={problems.kind}
              field={field('kind')}
            >
              {(props) => (
                <Select<RuleKind>
                  {...props}
                  value={rule.kind}
                  onChange={(kind) => onChange({ kind })}
                  options={RULE_KINDS.map((kind) => ({ value: kind, label: kindName(kind, t) }))}
                  data-testid="rule-kind"
                />
              )}
            </AdminField>
            <AdminField
              id={idOf('labelZh')}
              label={t('admin.rules.editor.labelZh')}
              error={problems.labelZh}
              field={field('label.zh')}
            >
              {(props) => (
                <Input
                  {...props}
                  lang="zh-CN"
                  value={rule.labelZh}
                  onChange={(e) => onChange({ labelZh: e.target.value })}
                  maxLength={60}
                  data-testid="rule-label-zh"
                />
              )}
            </AdminField>
            <AdminField
              id={idOf('labelEn')}
              label={t('admin.rules.editor.labelEn')}
              error={problems.labelEn}
              field={field('label.en')}
            >
              {(props) => (
                <Input
                  {...props}
                  lang="en"
                  value={rule.labelEn}
                  onChange={(e) => onChange({ labelEn: e.target.value })}
                  maxLength={120}
                  data-testid="rule-label-en"
                />
              )}
            </AdminField>
          </div>
          <p className="aff-muted aff-small">{t('admin.rules.editor.labelHint')}</p>
          <RuleParams rule={rule} index={index} problems={problems} idOf={idOf} onChange={onChange} />
        </>
      )}
    </li>
  );
}
