import { useMutation } from '@apollo/client/react';
import { Alert, Checkbox, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLicencesContext } from '../../app/licences-context';
import { FormField } from '../../components/FormField';
import { OutcomeNotice, type Notice } from '../../components/OutcomeNotice';
import { chinaToday, formatCivilDate } from '../../domain/datetime';
import {
  emptyGrantForm,
  fieldOfRefusal,
  grantDateRange,
  PURPOSE_MAX_CHARS,
  toGrantInput,
  validateGrantForm,
  type GrantFormValues,
  type GrantProblems,
} from '../../domain/grant-form';
import { granteeName } from '../../domain/grants';
import { outcomeOf, outcomeOfError } from '../../domain/mutation-result';
import { DISCLOSABLE_CLAIMS, type Department, type LicenceDetail } from '../../graphql/types';
import { GRANT_LICENCE_ACCESS } from './queries';

interface Props {
  licence: LicenceDetail;
  departments: Department[];
  /** The departments could not be loaded: the holder can still name a partner client. */
  departmentsFailed: boolean;
  onDone: (granteeLabel: string) => void;
  onCancel: () => void;
}

/**
 * 新增授权: whom (a department of the city, or a partner's application by its client id), what for,
 * until which day, and the whole licence or only some claims of it. The summary says in one
 * sentence what the holder is agreeing to; the server's refusals show under the input they are
 * about.
 */
export function GrantDialog({ licence, departments, departmentsFailed, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const [today] = useState(() => chinaToday(Date.now()));
  const [values, setValues] = useState<GrantFormValues>(() => emptyGrantForm(today));
  const [problems, setProblems] = useState<GrantProblems>({});
  const [serverProblems, setServerProblems] = useState<Partial<Record<keyof GrantProblems, string>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [running, setRunning] = useState(false);
  const [grant] = useMutation(GRANT_LICENCE_ACCESS);
  const range = grantDateRange(today);

  const set = <K extends keyof GrantFormValues>(key: K, value: GrantFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setProblems({});
    setServerProblems({});
  };
  const problemOf = (field: keyof GrantProblems) => {
    const problem = problems[field];
    return problem ? t(`grantForm.problem.${problem}`) : (serverProblems[field] ?? null);
  };
  const grantee =
    values.granteeKind === 'DEPARTMENT'
      ? granteeName({ granteeKind: 'DEPARTMENT', granteeId: values.departmentCode }, departments, locale)
      : values.apiClientId.trim();
  const licenceName = licence.type?.name ?? licence.name;

  const submit = async () => {
    const found = validateGrantForm(values, today);
    setProblems(found);
    setNotice(null);
    if (Object.keys(found).length > 0) return;
    setRunning(true);
    try {
      const { data } = await grant({ variables: { input: toGrantInput(licence.id, values) } });
      const outcome = outcomeOf(data?.grantLicenceAccess);
      if (outcome.kind === 'ok') {
        onDone(grantee);
        return;
      }
      const field = outcome.kind === 'refused' ? fieldOfRefusal(outcome.field, values.granteeKind) : null;
      if (field && outcome.kind === 'refused') setServerProblems({ [field]: outcome.message });
      else setNotice({ outcome, success: '' });
    } catch (error) {
      setNotice({ outcome: outcomeOfError(error), success: '' });
    } finally {
      setRunning(false);
    }
  };

  return (
    <Modal
      open
      title={t('grantForm.title', { name: licenceName })}
      okText={t('grantForm.submit')}
      okButtonProps={{ loading: running, 'data-testid': 'grant-submit' }}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onCancel}
      destroyOnHidden
      maskClosable={false}
    >
      <form
        className="lic-form"
        data-testid="grant-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <fieldset className="lic-fieldset">
          <legend className="lic-field__label">{t('grantForm.granteeKind')}</legend>
          <Radio.Group
            value={values.granteeKind}
            onChange={(e) => set('granteeKind', e.target.value)}
            data-testid="grant-kind"
            options={[
              { value: 'DEPARTMENT', label: t('grantForm.kindDepartment') },
              { value: 'API_CLIENT', label: t('grantForm.kindClient') },
            ]}
          />
        </fieldset>
        {values.granteeKind === 'DEPARTMENT' ? (
          <FormField
            label={t('grantForm.department')}
            hint={departmentsFailed ? t('grantForm.departmentsFailed') : t('grantForm.departmentHint')}
            problem={problemOf('departmentCode')}
          >
            {(control) => (
              <select
                {...control}
                className="lic-select"
                value={values.departmentCode}
                onChange={(e) => set('departmentCode', e.target.value)}
                data-testid="grant-department"
              >
                <option value="">{t('grantForm.departmentPlaceholder')}</option>
                {departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {locale === 'en' ? d.nameEn : d.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
        ) : (
          <FormField
            label={t('grantForm.clientId')}
            hint={t('grantForm.clientIdHint')}
            problem={problemOf('apiClientId')}
          >
            {(control) => (
              <Input
                {...control}
                value={values.apiClientId}
                onChange={(e) => set('apiClientId', e.target.value)}
                autoComplete="off"
                spellCheck={false}
                placeholder="pc_…"
                data-testid="grant-client-id"
              />
            )}
          </FormField>
        )}
        <FormField
          label={t('grantForm.purpose')}
          hint={t('grantForm.purposeHint')}
          problem={problemOf('purpose')}
        >
          {(control) => (
            <Input.TextArea
              {...control}
              value={values.purpose}
              onChange={(e) => set('purpose', e.target.value)}
              autoSize={{ minRows: 2, maxRows: 5 }}
              showCount
              count={{ max: PURPOSE_MAX_CHARS }}
              data-testid="grant-purpose"
            />
          )}
        </FormField>
        <FormField
          label={t('grantForm.validUntil')}
          hint={t('grantForm.validUntilHint', { max: formatCivilDate(range.max, locale) })}
          problem={problemOf('validUntil')}
        >
          {(control) => (
            <Input
              {...control}
              type="date"
              min={range.min}
              max={range.max}
              value={values.validUntil}
              onChange={(e) => set('validUntil', e.target.value)}
              className="lic-date"
              data-testid="grant-valid-until"
            />
          )}
        </FormField>
        <fieldset className="lic-fieldset" aria-describedby="lic-grant-scope-hint">
          <legend className="lic-field__label">{t('grantForm.scope')}</legend>
          <p id="lic-grant-scope-hint" className="lic-field__hint">
            {t('grantForm.scopeHint')}
          </p>
          <Radio.Group
            value={values.scope}
            onChange={(e) => set('scope', e.target.value)}
            data-testid="grant-scope"
            options={[
              { value: 'WHOLE', label: t('grantForm.scopeWhole') },
              { value: 'SELECTED', label: t('grantForm.scopeSelected') },
            ]}
          />
          {values.scope === 'SELECTED' && (
            <div className="lic-claims">
              <Checkbox.Group
                value={values.claims}
                onChange={(claims) => set('claims', claims)}
                data-testid="grant-claims"
                options={DISCLOSABLE_CLAIMS.map((claim) => ({ value: claim, label: t(`claim.${claim}`) }))}
              />
              {problemOf('claims') && (
                <p className="lic-field__problem" role="alert" data-testid="field-problem">
                  {problemOf('claims')}
                </p>
              )}
            </div>
          )}
        </fieldset>
        {grantee && values.purpose.trim() && values.validUntil && (
          <p className="lic-summary" data-testid="grant-summary">
            {t(values.scope === 'SELECTED' ? 'grantForm.summarySelected' : 'grantForm.summary', {
              grantee,
              date: formatCivilDate(values.validUntil, locale),
              name: licenceName,
              purpose: values.purpose.trim(),
              claims: values.claims.map((c) => t(`claim.${c}`)).join(t('common.listSeparator')),
            })}
          </p>
        )}
        {Object.keys(problems).length > 0 && (
          <Alert type="error" showIcon role="alert" title={t('grantForm.fix')} data-testid="grant-problems" />
        )}
        <OutcomeNotice notice={notice} />
      </form>
    </Modal>
  );
}
