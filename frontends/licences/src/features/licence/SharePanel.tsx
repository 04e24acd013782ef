import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button } from 'antd';
import { PlusOutlined, ShareAltOutlined } from '@ant-design/icons';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingBlock, LoadMore, QueryError, usePagedConnection } from '@bianmin/frontend-kit/react';
import { useLicencesContext } from '../../app/licences-context';
import { OutcomeNotice, type Notice } from '../../components/OutcomeNotice';
import { granteeName, orderGrants } from '../../domain/grants';
import { isUsable } from '../../domain/licence-status';
import { outcomeOf, outcomeOfError } from '../../domain/mutation-result';
import type { LicenceDetail } from '../../graphql/types';
import { GrantDialog } from './GrantDialog';
import { GrantItem } from './GrantItem';
import { DEPARTMENTS, GRANTS_PAGE_SIZE, LICENCE_GRANTS, REVOKE_LICENCE_GRANT } from './queries';

/**
 * 授权使用 (即申即用): the holder lets a department or a partner's application read this licence
 * for a purpose and a period, sees every use of each grant, and withdraws a grant at any time.
 */
export function SharePanel({ licence }: { licence: LicenceDetail }) {
  const { t } = useTranslation();
  const { locale } = useLicencesContext();
  const grants = useQuery(LICENCE_GRANTS, {
    variables: { licenceId: licence.id, first: GRANTS_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const departments = useQuery(DEPARTMENTS, { fetchPolicy: 'cache-first' });
  const [revoke] = useMutation(REVOKE_LICENCE_GRANT);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { refetch } = grants;
  const reload = useCallback(() => refetch(), [refetch]);
  const connection = grants.data?.myLicenceGrants;
  const paging = usePagedConnection(connection, grants.fetchMore);
  const departmentList = departments.data?.organizations ?? [];
  const nameOf = (grant: { granteeKind: string; granteeId: string }) =>
    granteeName(grant, departmentList, locale);

  const withdraw = async (id: string, grantee: string) => {
    setRevoking(id);
    setNotice(null);
    try {
      const { data } = await revoke({ variables: { id } });
      const outcome = outcomeOf(data?.revokeLicenceGrant);
      setNotice({ outcome, success: t('grants.revoked', { grantee }) });
      await reload().catch(() => undefined);
    } catch (error) {
      setNotice({ outcome: outcomeOfError(error), success: '' });
    } finally {
      setRevoking(null);
    }
  };

  return (
    <section className="lic-panel" aria-labelledby="lic-share-title" data-testid="share">
      <h2 id="lic-share-title">
        <ShareAltOutlined aria-hidden /> {t('share.title')}
      </h2>
      <p className="lic-muted">{t('share.lead')}</p>
      {isUsable(licence.status) ? (
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
          data-testid="grant-new"
        >
          {t('share.add')}
        </Button>
      ) : (
        <Alert type="info" showIcon title={t('share.notInForce')} data-testid="share-not-in-force" />
      )}
      <OutcomeNotice notice={notice} onClose={() => setNotice(null)} />
      {grants.loading && !grants.data ? (
        <LoadingBlock rows={3} label={t('share.loading')} />
      ) : grants.error && !grants.data ? (
        <QueryError error={grants.error} onRetry={reload} retrying={grants.loading} compact />
      ) : !connection || connection.edges.length === 0 ? (
        <p className="lic-muted" data-testid="no-grants">
          {t('share.none')}
        </p>
      ) : (
        <>
          <ul className="lic-grants" data-testid="grants">
            {orderGrants(connection.edges.map((e) => e.node)).map((grant) => (
              <GrantItem
                key={grant.id}
                grant={grant}
                grantee={nameOf(grant)}
                departments={departmentList}
                revoking={revoking === grant.id}
                onRevoke={() => withdraw(grant.id, nameOf(grant))}
              />
            ))}
          </ul>
          <LoadMore connection={connection} paging={paging} />
        </>
      )}
      {adding && (
        <GrantDialog
          licence={licence}
          departments={departmentList}
          departmentsFailed={Boolean(departments.error) && !departments.data}
          onCancel={() => setAdding(false)}
          onDone={(grantee) => {
            setAdding(false);
            setNotice({ outcome: { kind: 'ok' }, success: t('share.granted', { grantee }) });
            void reload().catch(() => undefined);
          }}
        />
      )}
    </section>
  );
}
