import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Locale } from '@bianmin/frontend-kit';
import { useAffairsContext } from '../../app/affairs-context';
import { ruleLabel, rulesFromJson, type RuleDraft } from '../../domain/rule-form';

/** A licence type's name (`居民身份证`), or its code when this remote does not know it. */
export function licenceTypeName(code: string, t: TFunction): string {
  return t(`admin.licenceTypes.${code}`, { defaultValue: code });
}

/** A value as people read it: 是 / 否, a known answer's name (本人 for SELF), else the text quoted. */
function formValue(
  field: string,
  value: string,
  type: 'string' | 'number' | 'boolean',
  t: TFunction,
): string {
  if (type === 'boolean')
    return value === 'true' ? t('admin.rules.readable.yes') : t('admin.rules.readable.no');
  if (type === 'number') return value;
  return (
    t(`formFields.${field}.options.${value}`, { defaultValue: '' }) ||
    t('admin.rules.readable.quoted', { value })
  );
}

/** What a rule checks, in words: `年满 16 周岁`, `持有有效的电子证照：居民身份证`. */
export function ruleSummary(rule: RuleDraft, t: TFunction, locale: Locale): string {
  if (!rule.editable) return t('admin.rules.readable.unsupported', { kind: rule.kind || '—' });
  const list = (items: string[]) => items.join(t('common.listSeparator'));
  switch (rule.kind) {
    case 'LICENCES_VALID':
      return t('admin.rules.readable.summary.LICENCES_VALID', {
        names: list(rule.licenceTypes.map((c) => licenceTypeName(c, t))),
      });
    case 'MIN_AGE':
    case 'MAX_AGE':
      return t(`admin.rules.readable.summary.${rule.kind}`, { years: rule.years ?? '—' });
    case 'RESIDENT_OF':
      return t('admin.rules.readable.summary.RESIDENT_OF', { codes: list(rule.regionCodes) });
    case 'NO_OPEN_APPLICATION':
      return t('admin.rules.readable.summary.NO_OPEN_APPLICATION');
    case 'FORM_ANSWER': {
      const fieldLabel =
        (locale === 'en' ? rule.fieldLabelEn : rule.fieldLabelZh) ||
        t(`formFields.${rule.field}.label`, { defaultValue: rule.field });
      const values = list(rule.values.map((v) => formValue(rule.field, v, rule.valueType, t)));
      return rule.match === 'equals'
        ? t('admin.rules.readable.summary.FORM_ANSWER_equals', { field: fieldLabel, values })
        : t('admin.rules.readable.summary.FORM_ANSWER_in', { field: fieldLabel, values });
    }
  }
}

/** A rule's kind in words; an unknown kind as it came. */
export function kindName(kind: string, t: TFunction): string {
  return t(`admin.rules.kind.${kind}`, { defaultValue: kind || '—' });
}

/**
 * A rule set, readable: each rule's own label (as residents and staff see it in explanations),
 * what it checks in words, its kind and id. Never the JSON.
 */
export function RuleList({ rulesJson, testId = 'rule-list' }: { rulesJson: string; testId?: string }) {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const rules = rulesFromJson(rulesJson);
  if (rules === null) return <p className="aff-muted">{t('admin.rules.readable.unreadable')}</p>;
  if (rules.length === 0) return <p className="aff-muted">{t('admin.rules.readable.empty')}</p>;
  return (
    <ol className="aff-admin-rule-list" data-testid={testId}>
      {rules.map((rule) => {
        const label = ruleLabel(rule, locale);
        const summary = ruleSummary(rule, t, locale);
        return (
          <li
            key={rule.key}
            className="aff-admin-rule-list__item"
            data-testid="rule-item"
            data-kind={rule.kind}
          >
            <span className="aff-admin-rule-list__title">{label ?? summary}</span>
            {label && label !== summary && <span className="aff-block">{summary}</span>}
            <span className="aff-muted aff-small aff-block">
              {kindName(rule.kind, t)} · {t('admin.rules.readable.id', { id: rule.id || '—' })}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
