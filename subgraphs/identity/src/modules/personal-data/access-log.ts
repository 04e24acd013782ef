import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  pageSize,
  pick,
  type Failure,
  type Locale,
  type Logger,
  type Viewer,
} from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { ADMINISTRATOR_ROLE, AUDITOR_ROLE } from '../account/roles.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import { PersonalDataAccess } from './personal-data-access.entity.js';

export interface AccessConnection {
  edges: Array<{ cursor: string; node: PersonalDataAccess }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

/**
 * Keyset cursors (time, id) rather than offsets: records keep arriving at the top of a
 * newest-first list, and "load more" must neither repeat nor skip any.
 */
export function encodeAccessCursor(record: Pick<PersonalDataAccess, 'createdAt' | 'id'>): string {
  return Buffer.from(`a:${new Date(record.createdAt).getTime()}:${record.id}`, 'utf8').toString('base64url');
}

export function decodeAccessCursor(cursor: string): { at: Date; id: string } | null {
  const match = /^a:(\d{1,15}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { at: new Date(Number(match[1])), id: match[2]! } : null;
}

const badInput = (locale: Locale, zh: string, en: string, field: string) =>
  fail(ErrorCode.BAD_USER_INPUT, pick(locale, { zh, en }), field);

/** One page of access records matching `where`, newest first. */
export async function accessPage(
  em: EntityManager,
  where: FilterQuery<PersonalDataAccess>,
  args: { first?: number | null; after?: string | null },
  locale: Locale,
): Promise<AccessConnection | Failure> {
  const first = pageSize(args.first, 50);
  let after: { at: Date; id: string } | null = null;
  if (args.after != null && args.after !== '') {
    after = decodeAccessCursor(args.after);
    if (!after) {
      return badInput(
        locale,
        'after 游标无效，请使用本接口返回的游标',
        'The `after` cursor is not valid; use a cursor returned by this API.',
        'after',
      );
    }
  }
  const page: FilterQuery<PersonalDataAccess> = after
    ? {
        $and: [
          where,
          { $or: [{ createdAt: { $lt: after.at } }, { createdAt: after.at, id: { $lt: after.id } }] },
        ],
      }
    : where;
  const [rows, totalCount] = await Promise.all([
    em.find(PersonalDataAccess, page, {
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      limit: first + 1,
    }),
    em.count(PersonalDataAccess, where),
  ]);
  const nodes = rows.slice(0, first) as PersonalDataAccess[];
  const edges = nodes.map((node) => ({ cursor: encodeAccessCursor(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}

const EMPTY: AccessConnection = {
  edges: [],
  pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
  totalCount: 0,
};

/** 查询记录: who looked at the signed-in person's unmasked data, themself included. */
export async function myDataAccessLog(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { first?: number | null; after?: string | null },
  locale: Locale,
): Promise<AccessConnection | Failure> {
  const signedIn = await requireSignedIn(em, viewer, services.now(), locale);
  if (isFailure(signedIn)) return signedIn;
  const personId = signedIn.account.personId;
  if (!personId) {
    pageSize(args.first, 50);
    return EMPTY;
  }
  return accessPage(em, { personId }, args, locale);
}

export interface AuditFilter {
  personId?: string | null;
  accountId?: string | null;
  from?: string | null;
  to?: string | null;
}

function instant(value: string | null | undefined): Date | null | undefined {
  if (value == null || value === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * The audit trail, for auditors only: every reveal (staff and self), filtered by person,
 * accessor account and time. Administrators are refused even if they also hold the auditor
 * role (separation of duties), and the session must have passed the second factor. Each read
 * of the trail is itself logged.
 */
export async function dataAccessAudit(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { filter?: AuditFilter | null; first?: number | null; after?: string | null },
  locale: Locale,
  log: Logger,
): Promise<AccessConnection | Failure> {
  const signedIn = await requireSignedIn(em, viewer, services.now(), locale);
  if (isFailure(signedIn)) return signedIn;
  const { account, session } = signedIn;
  if (!account.roles.includes(AUDITOR_ROLE) || account.roles.includes(ADMINISTRATOR_ROLE)) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, { zh: '只有审计员可以查看访问审计记录', en: 'Only auditors may read the access audit.' }),
    );
  }
  if (!viewer.mfa || !session.mfa) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '此操作需要通过双因素认证的登录',
        en: 'This needs a sign-in with a second factor.',
      }),
    );
  }
  const filter = args.filter ?? {};
  const where: FilterQuery<PersonalDataAccess>[] = [];
  for (const [key, column] of [
    ['personId', 'personId'],
    ['accountId', 'accessorAccountId'],
  ] as const) {
    const id = filter[key]?.trim();
    if (!id) continue;
    if (id.length > 36) return badInput(locale, `${key} 格式不正确`, `${key} is not valid.`, `filter.${key}`);
    where.push({ [column]: id });
  }
  const from = instant(filter.from);
  const to = instant(filter.to);
  if (from === null)
    return badInput(locale, 'from 须为 ISO 8601 时间', 'from must be an ISO 8601 time.', 'filter.from');
  if (to === null)
    return badInput(locale, 'to 须为 ISO 8601 时间', 'to must be an ISO 8601 time.', 'filter.to');
  if (from && to && from > to)
    return badInput(locale, 'from 不能晚于 to', 'from must not be later than to.', 'filter.from');
  if (from) where.push({ createdAt: { $gte: from } });
  if (to) where.push({ createdAt: { $lte: to } });
  const page = await accessPage(em, where.length ? { $and: where } : {}, args, locale);
  if (!isFailure(page)) {
    log.info(
      {
        event: 'data-access-audit-read',
        auditorAccountId: account.id,
        filter: {
          personId: filter.personId ?? null,
          accountId: filter.accountId ?? null,
          from: from?.toISOString() ?? null,
          to: to?.toISOString() ?? null,
        },
        returned: page.edges.length,
      },
      'access audit read',
    );
  }
  return page;
}
