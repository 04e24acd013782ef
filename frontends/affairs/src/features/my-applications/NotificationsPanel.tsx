import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadingBlock, LoadMore, QueryError, usePagedConnection } from '@bianmin/frontend-kit/react';
import { useAffairsContext, useAffairsPath } from '../../app/affairs-context';
import { OutcomeNotice } from '../../components/OutcomeNotice';
import { useMutationRunner } from '../../components/useMutationRunner';
import { formatDateTime } from '../../domain/datetime';
import { MARK_NOTIFICATIONS_READ, MY_NOTIFICATIONS } from './queries';

const FIRST = 5;

/** 站内信: status changes, invitations to rate, responses to ratings; unread first in weight. */
export function NotificationsPanel() {
  const { t } = useTranslation();
  const { locale } = useAffairsContext();
  const to = useAffairsPath();
  const { data, loading, error, refetch, fetchMore } = useQuery(MY_NOTIFICATIONS, {
    variables: { first: FIRST, unreadOnly: false },
    fetchPolicy: 'cache-and-network',
  });
  const reload = useCallback(() => refetch(), [refetch]);
  const runner = useMutationRunner(reload);
  const [markRead] = useMutation(MARK_NOTIFICATIONS_READ);
  const connection = data?.myNotifications;
  const paging = usePagedConnection(connection, fetchMore);
  const unread = connection?.unreadCount ?? 0;

  const mark = (ids: string[] | undefined, success: string) =>
    runner.run(
      ids ? `read-${ids.join(',')}` : 'read-all',
      () => markRead({ variables: ids ? { ids } : {} }).then((r) => r.data?.markNotificationsRead),
      success,
      { reloadOnOk: true },
    );

  return (
    <section
      className="aff-panel aff-inbox"
      aria-labelledby="aff-notifications-title"
      data-testid="notifications"
    >
      <div className="aff-inbox__head">
        <h2 id="aff-notifications-title">
          <BellOutlined aria-hidden /> {t('notifications.title')}{' '}
          <Badge count={unread} className="aff-inbox__badge" aria-hidden data-testid="unread-count" />
          <span className="aff-visually-hidden">{t('notifications.unread', { count: unread })}</span>
        </h2>
        {unread > 0 && (
          <Button
            size="small"
            onClick={() => void mark(undefined, t('notifications.allMarked'))}
            loading={runner.running === 'read-all'}
            data-testid="mark-all-read"
          >
            {t('notifications.markAll')}
          </Button>
        )}
      </div>
      <OutcomeNotice notice={runner.notice} onClose={runner.clear} />
      {loading && !data ? (
        <LoadingBlock rows={3} />
      ) : error && !data ? (
        <QueryError compact error={error} onRetry={reload} retrying={loading} />
      ) : !connection || connection.edges.length === 0 ? (
        <p className="aff-muted">{t('notifications.empty')}</p>
      ) : (
        <>
          <ul className="aff-notifications">
            {connection.edges.map(({ node }) => {
              const isUnread = node.readAt === null;
              return (
                <li
                  key={node.id}
                  className={isUnread ? 'aff-notification aff-notification--unread' : 'aff-notification'}
                  data-testid="notification"
                  data-unread={isUnread ? 'true' : 'false'}
                >
                  <p className="aff-notification__title">
                    {isUnread && <span className="aff-visually-hidden">{t('notifications.unreadMark')}</span>}
                    <strong>{node.title}</strong>
                  </p>
                  <p className="aff-notification__body">{node.body}</p>
                  <p className="aff-muted aff-small aff-notification__meta">
                    <time dateTime={node.createdAt}>{formatDateTime(node.createdAt, locale)}</time>
                    {node.applicationId && (
                      <Link
                        to={to(`applications/${encodeURIComponent(node.applicationId)}`)}
                        onClick={() => {
                          if (isUnread)
                            void markRead({ variables: { ids: [node.id] } }).catch(() => undefined);
                        }}
                      >
                        {t('notifications.open')}
                      </Link>
                    )}
                    {isUnread && (
                      <Button
                        type="link"
                        size="small"
                        className="aff-link-button"
                        onClick={() => void mark([node.id], t('notifications.marked'))}
                        aria-label={t('notifications.markOneNamed', { title: node.title })}
                      >
                        {t('notifications.markOne')}
                      </Button>
                    )}
                  </p>
                </li>
              );
            })}
          </ul>
          <LoadMore connection={connection} paging={paging} />
        </>
      )}
    </section>
  );
}
