import type { EntityManager } from '@mikro-orm/core';
import { badInput, decodeCursor, ok, pageSize, toConnection, type Viewer } from '@bianmin/kit';
import { Notification } from './notification.entity.js';

/** The signed-in person's notifications, newest first, with the unread count. */
export async function myNotifications(
  em: EntityManager,
  viewer: Viewer,
  args: { unreadOnly?: boolean | null; first?: number | null; after?: string | null },
) {
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  if (!viewer.personId) return { ...toConnection<Notification>([], 0, 0), unreadCount: 0 };
  const where = { personId: viewer.personId, ...(args.unreadOnly ? { readAt: null } : {}) };
  const [rows, total] = await em.findAndCount(Notification, where, {
    orderBy: { createdAt: 'desc', id: 'desc' },
    limit: first,
    offset,
  });
  const unreadCount = await em.count(Notification, { personId: viewer.personId, readAt: null });
  return { ...toConnection(rows as Notification[], offset, total), unreadCount };
}

/** Mark some (or all) of the caller's own notifications read; others' ids are ignored. */
export async function markNotificationsRead(
  em: EntityManager,
  viewer: Viewer,
  ids: string[] | null | undefined,
  now: number,
) {
  if (ids && ids.length > 100) throw badInput('At most 100 ids at once.', 'ids');
  if (!viewer.personId) return ok({ marked: 0 });
  const marked = await em.nativeUpdate(
    Notification,
    { personId: viewer.personId, readAt: null, ...(ids ? { id: { $in: ids } } : {}) },
    { readAt: new Date(now) },
  );
  return ok({ marked });
}
