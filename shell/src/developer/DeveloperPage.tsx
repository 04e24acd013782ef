import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Checkbox, Input, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failureMessage } from '../identity/failure';
import {
  API_SCOPES,
  ME,
  MY_API_CLIENTS,
  REGISTER_API_CLIENT,
  REVOKE_API_CLIENT,
  ROTATE_API_CLIENT_SECRET,
  type ApiClientRow,
} from '../identity/operations';
import { OneTimeSecretNotice } from '../components/OneTimeSecretNotice';
import { useDocumentTitle } from '../layout/useDocumentTitle';
import { isPartnerDeveloper, sortClients, validClientName } from './api-clients';

/** The secret just issued: shown once, never stored, gone when dismissed or the page is left. */
interface ShownSecret {
  clientId: string;
  name: string;
  secret: string;
}

function SecretNotice({ shown, onDone }: { shown: ShownSecret; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <OneTimeSecretNotice
      title={t('developer.secretTitle', { name: shown.name })}
      warning={t('developer.secretWarning')}
      idLabel={t('developer.clientId')}
      id={shown.clientId}
      secret={shown.secret}
      doneLabel={t('developer.secretSaved')}
      onDone={onDone}
      testId="client-secret"
    />
  );
}

function RegisterForm({ onRegistered }: { onRegistered: (shown: ShownSecret) => void }) {
  const { t } = useTranslation();
  const [register, { loading }] = useMutation(REGISTER_API_CLIENT, { fetchPolicy: 'no-cache' });
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['catalog:read']);
  const [problem, setProblem] = useState<string | null>(null);
  const nameId = useId();
  const scopesId = useId();

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    if (!validClientName(name)) return setProblem(t('developer.nameInvalid'));
    if (scopes.length === 0) return setProblem(t('developer.scopesRequired'));
    try {
      const result = (await register({ variables: { input: { name: name.trim(), scopes } } })).data
        ?.registerApiClient;
      if (result?.ok && result.client && result.clientSecret) {
        setName('');
        onRegistered({
          clientId: result.client.clientId,
          name: result.client.name,
          secret: result.clientSecret,
        });
      } else setProblem(result?.error?.message ?? t('auth.genericError'));
    } catch (failure) {
      setProblem(failureMessage(failure, t));
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate data-testid="register-client">
      <label htmlFor={nameId}>{t('developer.name')}</label>
      <Input id={nameId} value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
      <fieldset aria-labelledby={scopesId} className="shell-developer-scopes">
        <legend id={scopesId}>{t('developer.scopes')}</legend>
        <Checkbox.Group
          value={scopes}
          onChange={(values) => setScopes(values as string[])}
          options={API_SCOPES.map((scope) => ({
            value: scope,
            label: `${scope} — ${t(`developer.scope.${scope.replace(':', '_')}`)}`,
          }))}
        />
      </fieldset>
      {problem && (
        <span className="shell-field-error" role="alert">
          {problem}
        </span>
      )}
      <div className="shell-form-actions">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('developer.register')}
        </Button>
      </div>
    </form>
  );
}

function ClientRow({
  client,
  onSecret,
  onChanged,
}: {
  client: ApiClientRow;
  onSecret: (shown: ShownSecret) => void;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const [rotate, { loading: rotating }] = useMutation(ROTATE_API_CLIENT_SECRET, { fetchPolicy: 'no-cache' });
  const [revoke, { loading: revoking }] = useMutation(REVOKE_API_CLIENT, { fetchPolicy: 'no-cache' });
  const [problem, setProblem] = useState<string | null>(null);

  async function act(kind: 'rotate' | 'revoke') {
    setProblem(null);
    try {
      const variables = { clientId: client.clientId };
      if (kind === 'rotate') {
        const result = (await rotate({ variables })).data?.rotateApiClientSecret;
        if (result?.ok && result.clientSecret)
          onSecret({ clientId: client.clientId, name: client.name, secret: result.clientSecret });
        else return setProblem(result?.error?.message ?? t('auth.genericError'));
      } else {
        const result = (await revoke({ variables })).data?.revokeApiClient;
        if (!result?.ok) return setProblem(result?.error?.message ?? t('auth.genericError'));
      }
      onChanged();
    } catch (failure) {
      setProblem(failureMessage(failure, t));
    }
  }

  return (
    <li className="shell-developer-client" data-testid="client-row">
      <h3>
        {client.name} <Typography.Text code>{client.clientId}</Typography.Text>{' '}
        {client.revokedAt && <Tag color="red">{t('developer.revoked')}</Tag>}
      </h3>
      <dl className="shell-developer-facts">
        <dt>{t('developer.scopes')}</dt>
        <dd>{client.scopes.join(', ')}</dd>
        <dt>{t('developer.rateLimit')}</dt>
        <dd>{t('developer.perMinute', { count: client.rateLimitPerMinute })}</dd>
        <dt>{t('developer.usage')}</dt>
        <dd>{client.usageCount}</dd>
        <dt>{t('developer.lastUsed')}</dt>
        <dd>{client.lastUsedAt ? format.format(new Date(client.lastUsedAt)) : t('developer.never')}</dd>
        <dt>{t('developer.created')}</dt>
        <dd>{format.format(new Date(client.createdAt))}</dd>
        {client.previousSecretExpiresAt && !client.revokedAt && (
          <>
            <dt>{t('developer.previousSecret')}</dt>
            <dd>{format.format(new Date(client.previousSecretExpiresAt))}</dd>
          </>
        )}
      </dl>
      {!client.revokedAt && (
        <div className="shell-form-actions">
          <Popconfirm
            title={t('developer.rotateConfirm')}
            okText={t('developer.rotate')}
            cancelText={t('developer.cancel')}
            onConfirm={() => act('rotate')}
          >
            <Button loading={rotating}>{t('developer.rotate')}</Button>
          </Popconfirm>
          <Popconfirm
            title={t('developer.revokeConfirm')}
            okText={t('developer.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('developer.cancel')}
            onConfirm={() => act('revoke')}
          >
            <Button danger loading={revoking}>
              {t('developer.revoke')}
            </Button>
          </Popconfirm>
        </div>
      )}
      {problem && (
        <span className="shell-field-error" role="alert">
          {problem}
        </span>
      )}
    </li>
  );
}

/**
 * `/developer` (开发者中心): a partner developer registers API clients for the client-credentials
 * grant, sees each one's scopes and usage, rotates its secret (shown once) and revokes it.
 */
export function DeveloperPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('developer.title'));
  const me = useQuery(ME);
  const allowed = isPartnerDeveloper(me.data?.me?.roles);
  const { data, loading, error, refetch } = useQuery(MY_API_CLIENTS, {
    fetchPolicy: 'cache-and-network',
    skip: !allowed,
  });
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const clients = sortClients(data?.myApiClients ?? []);

  return (
    <div className="shell-account" data-testid="developer-page">
      <h1>{t('developer.title')}</h1>
      <p className="shell-panel__lead">{t('developer.lead')}</p>
      {me.loading && !me.data && <Skeleton active paragraph={{ rows: 3 }} />}
      {me.data && !allowed && <Alert type="info" showIcon title={t('developer.notPartner')} />}
      {allowed && (
        <>
          {shown && <SecretNotice shown={shown} onDone={() => setShown(null)} />}
          <section className="shell-panel" aria-labelledby="developer-register-title">
            <h2 id="developer-register-title">{t('developer.registerTitle')}</h2>
            <RegisterForm
              onRegistered={(secret) => {
                setShown(secret);
                void refetch();
              }}
            />
          </section>
          <section className="shell-panel" aria-labelledby="developer-clients-title" aria-busy={loading}>
            <h2 id="developer-clients-title">{t('developer.clientsTitle')}</h2>
            {!data && loading && <Skeleton active paragraph={{ rows: 2 }} />}
            {!data && error && (
              <Alert
                type="warning"
                showIcon
                title={t('developer.loadFailed')}
                action={<Button onClick={() => void refetch()}>{t('auth.retry')}</Button>}
              />
            )}
            {data && clients.length === 0 && <p>{t('developer.none')}</p>}
            <ul className="shell-developer-clients">
              {clients.map((client) => (
                <ClientRow
                  key={client.clientId}
                  client={client}
                  onSecret={setShown}
                  onChanged={() => void refetch()}
                />
              ))}
            </ul>
          </section>
        </>
      )}
    </div>
  );
}
