import { useApolloClient, useQuery } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined, IdcardOutlined } from '@ant-design/icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock } from '@bianmin/frontend-kit/react';
import { caseHandlingReveal, reveal, type RevealOutcome } from '../../domain/personal-data';
import type { PersonalDataField } from '../../graphql/types';
import { REVEAL_PERSONAL_DATA, STAFF_APPLICANT } from './queries';

/**
 * 申请人: who applied, as identity gives it to staff — the name, and the ID number and phone
 * masked. Either can be shown in full for the case at hand (an audited reveal the applicant can
 * look up); the full value lives in this panel's state only, never in the cache.
 */
export function ApplicantPanel({ applicationId, reference }: { applicationId: string; reference: string }) {
  const { t } = useTranslation();
  const noteId = useId();
  const { data, loading, refetch } = useQuery(STAFF_APPLICANT, {
    variables: { id: applicationId },
    fetchPolicy: 'cache-and-network',
  });
  const applicant = data?.application?.applicant ?? null;

  return (
    <section className="aff-panel" aria-labelledby="aff-applicant-title" data-testid="applicant">
      <h2 id="aff-applicant-title">
        <IdcardOutlined aria-hidden /> {t('applicant.title')}
      </h2>
      {applicant ? (
        <>
          <dl className="aff-facts">
            <div>
              <dt>{t('applicant.name')}</dt>
              <dd data-testid="applicant-name">{applicant.name}</dd>
            </div>
            <RevealableFact
              key={`${applicant.id}-ID_NUMBER`}
              personId={applicant.id}
              reference={reference}
              field="ID_NUMBER"
              label={t('applicant.idNumber')}
              masked={applicant.idNumber}
              noteId={noteId}
            />
            <RevealableFact
              key={`${applicant.id}-PHONE`}
              personId={applicant.id}
              reference={reference}
              field="PHONE"
              label={t('applicant.phone')}
              masked={applicant.phone}
              noteId={noteId}
            />
          </dl>
          <p id={noteId} className="aff-muted aff-small" data-testid="reveal-note">
            {t('applicant.revealNote')}
          </p>
        </>
      ) : loading && !data ? (
        <LoadingBlock rows={2} label={t('applicant.loading')} />
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('applicant.unavailable')}
          action={
            <Button size="small" onClick={() => void refetch().catch(() => undefined)} loading={loading}>
              {t('common.retry')}
            </Button>
          }
          data-testid="applicant-unavailable"
        />
      )}
    </section>
  );
}

/** One masked value with its 查看完整信息 button; the full value replaces it in place. */
function RevealableFact({
  personId,
  reference,
  field,
  label,
  masked,
  noteId,
}: {
  personId: string;
  reference: string;
  field: PersonalDataField;
  label: string;
  masked: string | null;
  /** The note that every view is recorded, read out with the button. */
  noteId: string;
}) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [loading, setLoading] = useState(false);
  // The full value lives here only. Sent through the client rather than useMutation, whose result
  // state would keep a copy; no-cache keeps it out of the cache (ROOT_MUTATION included).
  const [outcome, setOutcome] = useState<RevealOutcome | null>(null);
  const revealed = outcome?.kind === 'revealed' ? outcome : null;

  async function show() {
    setOutcome(null);
    setLoading(true);
    const next = await reveal(() =>
      client
        .mutate({
          mutation: REVEAL_PERSONAL_DATA,
          variables: caseHandlingReveal(personId, field, reference),
          fetchPolicy: 'no-cache',
        })
        .then((r) => r.data?.revealPersonalData),
    );
    setLoading(false);
    setOutcome(next);
  }

  return (
    <div data-testid={`applicant-${field === 'ID_NUMBER' ? 'id-number' : 'phone'}`}>
      <dt>{label}</dt>
      <dd>
        {/* One live region, there from the start: the full value is read out when it replaces the mask. */}
        <span aria-live="polite" aria-atomic="true" data-testid="personal-value" data-revealed={!!revealed}>
          {revealed ? (
            <>
              <span className="aff-revealed">{revealed.value ?? t('applicant.notOnFile')}</span>{' '}
              <span className="aff-muted aff-small">{t('applicant.revealedMark')}</span>
            </>
          ) : (
            (masked ?? t('applicant.notOnFile'))
          )}
        </span>{' '}
        {/* One button that changes its words, so that focus stays on it. */}
        <Button
          type="link"
          size="small"
          className="aff-link-button"
          icon={revealed ? <EyeInvisibleOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
          onClick={revealed ? () => setOutcome(null) : () => void show()}
          loading={loading}
          aria-describedby={revealed ? undefined : noteId}
          data-testid={revealed ? 'hide-full' : 'reveal-full'}
        >
          {revealed ? t('applicant.hide') : t('applicant.reveal')}
          <span className="aff-visually-hidden">{t('applicant.of', { field: label })}</span>
        </Button>
        <div role="alert">
          {outcome && outcome.kind !== 'revealed' && (
            <Alert
              type="error"
              showIcon
              role="none"
              title={
                outcome.kind === 'refused' || outcome.kind === 'stale'
                  ? outcome.message
                  : outcome.kind === 'session'
                    ? t('outcome.session')
                    : t('outcome.network')
              }
              data-testid="reveal-problem"
            />
          )}
        </div>
      </dd>
    </div>
  );
}
