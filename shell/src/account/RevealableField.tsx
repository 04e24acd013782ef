import { useMutation } from '@apollo/client/react';
import { Button } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVEAL_MY_PERSONAL_DATA, type PersonalDataField } from '../identity/operations';
import { useSession } from '../session/SessionContext';
import { failureMessage } from '../identity/failure';

/** How long a revealed value stays on screen. */
export const REVEAL_SECONDS = 30;

interface Props {
  field: PersonalDataField;
  label: string;
  /** The masked value the API returned. */
  masked: string;
  testId: string;
  revealTestId: string;
}

/**
 * A masked value with a 显示 / Reveal button. The full value comes from `revealMyPersonalData`
 * (the server records the access), lives only in this component's state — never in the Apollo
 * cache — and is hidden again on a second click, after 30 seconds, when the tab is hidden or when
 * the session ends.
 */
export function RevealableField({ field, label, masked, testId, revealTestId }: Props) {
  const { t } = useTranslation();
  const { state } = useSession();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // Each reveal is recorded: the access log on the same page shows it at once.
  const [reveal, { loading }] = useMutation(REVEAL_MY_PERSONAL_DATA, {
    fetchPolicy: 'no-cache',
    refetchQueries: ['MyDataAccessLog'],
  });
  const shown = state.status === 'signed-in' ? revealed : null;

  useEffect(() => {
    if (revealed === null) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000);
    const hideWhenHidden = () => {
      if (document.visibilityState === 'hidden') setRevealed(null);
    };
    document.addEventListener('visibilitychange', hideWhenHidden);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', hideWhenHidden);
    };
  }, [revealed]);

  async function toggle() {
    setProblem(null);
    if (shown !== null) return setRevealed(null);
    try {
      const { data } = await reveal({ variables: { field } });
      const result = data?.revealMyPersonalData;
      if (result?.ok && result.value) setRevealed(result.value);
      else setProblem(result?.error?.message ?? t('account.revealFailed'));
    } catch (error) {
      setProblem(failureMessage(error, t));
    }
  }

  const problemId = `${testId}-problem`;
  return (
    <>
      <span className="shell-profile__value" data-testid={testId} translate="no">
        {shown ?? masked}
      </span>
      <Button
        size="small"
        className="shell-reveal-button"
        icon={shown !== null ? <EyeInvisibleOutlined aria-hidden /> : <EyeOutlined aria-hidden />}
        aria-pressed={shown !== null}
        aria-label={shown !== null ? t('account.hideField', { label }) : t('account.revealField', { label })}
        aria-describedby={problem ? problemId : undefined}
        loading={loading}
        onClick={toggle}
        data-testid={revealTestId}
      >
        {shown !== null ? t('account.hide') : t('account.reveal')}
      </Button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {shown !== null ? t('account.revealedFor', { label, seconds: REVEAL_SECONDS }) : ''}
      </span>
      {problem && (
        <span id={problemId} className="shell-field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
