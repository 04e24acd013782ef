import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export type NotificationKind = 'APPLICATION_STATUS' | 'RATING_INVITATION' | 'RECTIFICATION_RESPONSE';

/**
 * 站内信 — a message in a resident's in-app inbox, written in the same transaction as the change
 * it reports. (The issue asks for a simple inbox now; the `notify` domain will take these over
 * from the same `affairs.application.*` events.) Title and body are kept in both languages.
 */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  indexes: [{ name: 'notification_person_index', properties: ['personId', 'createdAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    kind: p.string().length(32).$type<NotificationKind>(),
    title: p.json<{ zh: string; en: string }>(),
    body: p.json<{ zh: string; en: string }>(),
    applicationId: p.string().length(36).nullable(),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  },
});
export type Notification = InferEntity<typeof Notification>;
