import { randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  ErrorCode,
  fail,
  ok,
  pageSize,
  pick,
  recordEvent,
  type Failure,
  type Locale,
  type Logger,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import type { IdentityServices } from '../../services.js';
import { Account } from '../account/account.entity.js';
import { Person } from '../person/person.entity.js';
import { AccountSession, RefreshToken } from '../session/session.entity.js';
import { isFailure, requireSignedIn } from '../session/session.guard.js';
import { requireAdministrator } from '../account/administrator.guard.js';
import { revokeSessions } from '../session/session.service.js';
import { deletedIdMarker } from './deleted-id-marker.js';
import { DeletionRequest, type DeletionStatus } from './deletion-request.entity.js';

export const DELETION_TEXT_MAX = 500;
/** What an anonymised person is called from then on. */
export const ANONYMISED_NAME = '已注销用户';
// Control characters would let free text forge lines in logs and exports.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function checkText(value: string | null | undefined, field: string, locale: Locale): string | null | Failure {
  const text = value?.trim() || null;
  if (text !== null && ([...text].length > DELETION_TEXT_MAX || CONTROL.test(text))) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `最多 ${DELETION_TEXT_MAX} 个字`,
        en: `At most ${DELETION_TEXT_MAX} characters.`,
      }),
      field,
    );
  }
  return text;
}

const conflict = (locale: Locale, zh: string, en: string) =>
  fail(ErrorCode.CONFLICT, pick(locale, { zh, en }));

/**
 * 申请注销: the signed-in person asks for their account to be deleted. One open request per
 * person: a second one while the first is pending is a CONFLICT (and the unique `openPersonId`
 * settles two at once).
 */
export async function requestAccountDeletion(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { reason?: string | null },
  requestId: string,
  locale: Locale,
  log: Logger,
): Promise<Result<{ request: DeletionRequest }> | Failure> {
  const signedIn = await requireSignedIn(em, viewer, services.now(), locale);
  if (isFailure(signedIn)) return signedIn;
  const { account } = signedIn;
  if (!account.personId) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '该账号没有关联的个人信息', en: 'This account has no personal record.' }),
    );
  }
  const reason = checkText(args.reason, 'reason', locale);
  if (reason !== null && typeof reason !== 'string') return reason;
  const pending = () =>
    conflict(
      locale,
      '您已有一个待处理的注销申请，请等待处理结果',
      'You already have a deletion request waiting to be handled.',
    );
  if (await em.findOne(DeletionRequest, { openPersonId: account.personId })) return pending();
  const request: DeletionRequest = {
    id: randomUUID(),
    personId: account.personId,
    accountId: account.id,
    openPersonId: account.personId,
    status: 'PENDING',
    reason,
    requestedAt: new Date(services.now()),
    requestId: requestId.slice(0, 64),
    decidedAt: null,
    decidedBy: null,
    decisionNote: null,
    version: 1,
  };
  try {
    await em.insert(DeletionRequest, request);
  } catch (error) {
    if (/unique|duplicate/i.test(String(error))) return pending();
    throw error;
  }
  log.info(
    { event: 'deletion-requested', accountId: account.id, requestId: request.id },
    'deletion requested',
  );
  return ok({ request });
}

/** The signed-in person's deletion requests, newest first. */
export async function myDeletionRequests(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  locale: Locale,
): Promise<DeletionRequest[] | Failure> {
  const signedIn = await requireSignedIn(em, viewer, services.now(), locale);
  if (isFailure(signedIn)) return signedIn;
  const personId = signedIn.account.personId;
  if (!personId) return [];
  return (await em.find(
    DeletionRequest,
    { personId },
    { orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }] },
  )) as DeletionRequest[];
}

const DECIDE_DENIED = {
  zh: '只有管理员可以处理注销申请',
  en: 'Only administrators may handle deletion requests.',
};

export interface DeletionConnection {
  edges: Array<{ cursor: string; node: DeletionRequest }>;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

const encodeCursor = (r: DeletionRequest) =>
  Buffer.from(`d:${new Date(r.requestedAt).getTime()}:${r.id}`, 'utf8').toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } | null {
  const match = /^d:(\d{1,15}):([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return match ? { at: new Date(Number(match[1])), id: match[2]! } : null;
}

/**
 * The deletion queue for administrators, oldest first (they are handled in order), with keyset
 * cursors (requestedAt, id). `status` defaults to PENDING.
 */
export async function deletionRequests(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { status?: DeletionStatus | null; first?: number | null; after?: string | null },
  locale: Locale,
): Promise<DeletionConnection | Failure> {
  const admin = await requireAdministrator(em, services.now(), viewer, locale, DECIDE_DENIED);
  if (isFailure(admin)) return admin;
  const first = pageSize(args.first, 50);
  const where: FilterQuery<DeletionRequest> = { status: args.status ?? 'PENDING' };
  let after: { at: Date; id: string } | null = null;
  if (args.after) {
    after = decodeCursor(args.after);
    if (!after) {
      return fail(
        ErrorCode.BAD_USER_INPUT,
        pick(locale, { zh: 'after 游标无效', en: 'The `after` cursor is not valid.' }),
        'after',
      );
    }
  }
  const page: FilterQuery<DeletionRequest> = after
    ? {
        $and: [
          where,
          { $or: [{ requestedAt: { $gt: after.at } }, { requestedAt: after.at, id: { $gt: after.id } }] },
        ],
      }
    : where;
  const [rows, totalCount] = await Promise.all([
    em.find(DeletionRequest, page, { orderBy: [{ requestedAt: 'asc' }, { id: 'asc' }], limit: first + 1 }),
    em.count(DeletionRequest, where),
  ]);
  const edges = (rows.slice(0, first) as DeletionRequest[]).map((node) => ({
    cursor: encodeCursor(node),
    node,
  }));
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

/** Announced when a deletion request is approved and the person anonymised. */
export const PERSON_ERASED_TOPIC = 'identity.person.erased';

export type DeletionDecision = 'APPROVE' | 'REJECT';

/**
 * An administrator approves or rejects a pending request; the decision (who, when, note) is
 * written on the request with a conditional UPDATE, so deciding one that is already decided —
 * twice, or by two administrators at once — is a CONFLICT and changes nothing.
 *
 * APPROVE, in the same transaction: the person is anonymised (name 已注销用户; phone, address,
 * date of birth and community gone; the ID number replaced by a keyed one-way marker that blocks
 * re-registration with that document), the account is disabled and stripped of its sign-in
 * data (phone, username, password hash, TOTP secret, recovery codes), every session is revoked
 * and its refresh-token hashes deleted. The access audit, the consent history, the sessions'
 * times (security log) and the request itself are kept: the law requires them to stay intact.
 */
export async function decideDeletionRequest(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { id: string; decision: DeletionDecision; note?: string | null },
  locale: Locale,
  log: Logger,
): Promise<Result<{ request: DeletionRequest }> | Failure> {
  const admin = await requireAdministrator(em, services.now(), viewer, locale, DECIDE_DENIED);
  if (isFailure(admin)) return admin;
  const note = checkText(args.note, 'note', locale);
  if (note !== null && typeof note !== 'string') return note;
  const request =
    args.id.length > 0 && args.id.length <= 36
      ? ((await em.findOne(DeletionRequest, { id: args.id })) as DeletionRequest | null)
      : null;
  if (!request) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个注销申请', en: 'There is no such deletion request.' }),
      'id',
    );
  }
  const decided = () => conflict(locale, '该申请已经处理过了', 'This request has already been decided.');
  if (request.status !== 'PENDING') return decided();
  if (request.accountId === admin.account.id) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, { zh: '不能处理自己的注销申请', en: 'You cannot decide your own deletion request.' }),
      'id',
    );
  }
  const now = services.now();
  const at = new Date(now);
  const status: DeletionStatus = args.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
  const outcome = await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      DeletionRequest,
      { id: request.id, status: 'PENDING', version: request.version },
      {
        status,
        openPersonId: null,
        decidedAt: at,
        decidedBy: admin.account.id,
        decisionNote: note,
        version: request.version + 1,
      },
    );
    if (changed !== 1) return null;
    if (status === 'REJECTED') return { revoked: 0 };
    const person = (await tx.findOne(Person, { id: request.personId })) as Person | null;
    if (person) {
      await tx.nativeUpdate(
        Person,
        { id: person.id },
        {
          name: ANONYMISED_NAME,
          idNumber: deletedIdMarker(services.secretBox, person.idType, person.idNumber),
          phone: null,
          address: null,
          dateOfBirth: null,
          communityCode: null,
          anonymisedAt: at,
          updatedAt: at,
        },
      );
      // Other domains forget the person too: the evidence log deletes the key that linked its
      // entries to them (the entries and their proofs stay intact).
      await recordEvent(tx, {
        topic: PERSON_ERASED_TOPIC,
        key: person.id,
        payload: { personId: person.id, at: at.toISOString() },
      });
    }
    const account = (await tx.findOne(Account, { id: request.accountId })) as Account | null;
    if (account) {
      await tx.nativeUpdate(
        Account,
        { id: account.id },
        {
          state: 'DISABLED',
          // Frees the phone number (numbers are reassigned) while keeping the column unique.
          phone: `del-${account.id.replaceAll('-', '').slice(0, 16)}`,
          username: null,
          passwordHash: '!deleted',
          totpSecret: null,
          totpEnabled: false,
          totpPendingSecret: null,
          pendingRecoveryCodes: null,
          recoveryCodes: [],
          version: account.version + 1,
        },
      );
    }
    const revoked = await revokeSessions(tx, { accountId: request.accountId }, 'account-deleted', now);
    const sessionIds = (await tx.find(AccountSession, { accountId: request.accountId })).map((s) => s.id);
    if (sessionIds.length) await tx.nativeDelete(RefreshToken, { sessionId: { $in: sessionIds } });
    return { revoked };
  });
  if (outcome === null) return decided();
  log.info(
    {
      event: 'deletion-decided',
      deletionRequestId: request.id,
      accountId: request.accountId,
      by: admin.account.id,
      status,
      revokedSessions: outcome.revoked,
    },
    'deletion request decided',
  );
  return ok({
    request: (await em.fork().findOneOrFail(DeletionRequest, { id: request.id })) as DeletionRequest,
  });
}
