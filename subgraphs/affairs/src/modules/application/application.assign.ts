import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, pick, type Failure, type Locale, type Viewer } from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { actorsOf, STAFF_ROLE, SUPERVISOR_ROLE } from './actors.js';
import { commitChange } from './application.commit.js';
import type { Application } from './application.entity.js';
import { isFailure, loadForStaff, saved, step } from './application.staff.js';
import { failures } from './messages.js';

/** How many applications one 分派 request may carry (a page of the inbox). */
export const MAX_ASSIGN_BATCH = 50;

export interface AssignInput {
  items: { id: string; expectedVersion: number }[];
  /** Null: back to the department's pool. */
  assigneeAccountId?: string | null;
}

type ItemOutcome =
  | { id: string; ok: true; error: null; application: Application }
  | { id: string; ok: false; error: Failure['error']; application: null };

export type AssignOutcome =
  { ok: boolean; error: null; results: ItemOutcome[] } | { ok: false; error: Failure['error']; results: [] };

const refuseAll = (failure: Failure): AssignOutcome => ({ ok: false, error: failure.error, results: [] });

/**
 * 分派 — assign department applications to a colleague, claim them, or put them back in the pool,
 * up to 50 at once. The request as a whole is checked first (shape, who may assign whom, and that
 * identity lists the assignee as an active colleague of the caller's department) and refused
 * without changing anything; then each application is done in its own transaction with its own
 * optimistic version check, so one stale or finished application does not undo the others.
 */
export async function assignApplications(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  input: AssignInput,
  locale: Locale,
  requestId: string | null,
): Promise<AssignOutcome> {
  const items = input.items ?? [];
  if (items.length === 0 || items.length > MAX_ASSIGN_BATCH) {
    return refuseAll(
      fail(
        ErrorCode.BAD_USER_INPUT,
        pick(locale, {
          zh: `请选择 1–${MAX_ASSIGN_BATCH} 件办件`,
          en: `Choose 1–${MAX_ASSIGN_BATCH} applications.`,
        }),
        'items',
      ),
    );
  }
  if (new Set(items.map((item) => item.id)).size !== items.length) {
    return refuseAll(
      fail(
        ErrorCode.BAD_USER_INPUT,
        pick(locale, { zh: '同一办件出现了两次', en: 'The same application is listed twice.' }),
        'items',
      ),
    );
  }
  const assignee = input.assigneeAccountId ?? null;
  if (assignee !== null && assignee !== viewer.accountId) {
    const refused = await refuseAssignee(services, viewer, assignee, locale);
    if (refused) return refuseAll(refused);
  }
  const results: ItemOutcome[] = [];
  // One after another: each is its own short transaction, and SQLite has one writer anyway.
  for (const item of items) {
    results.push(await assignOne(em, services, viewer, item, assignee, locale, requestId));
  }
  return { ok: results.every((r) => r.ok), error: null, results };
}

/** Why the caller may not give work to `assignee`, or null when they may. */
async function refuseAssignee(
  services: AffairsServices,
  viewer: Viewer,
  assignee: string,
  locale: Locale,
): Promise<Failure | null> {
  if (!viewer.department || !viewer.roles.includes(SUPERVISOR_ROLE)) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '只有主管可以把办件分派给其他同事',
        en: 'Only a supervisor may assign applications to colleagues.',
      }),
      'assigneeAccountId',
    );
  }
  const lookup = await services.colleagues.colleaguesOf(viewer);
  if (!lookup.ok) {
    return fail(
      ErrorCode.UNAVAILABLE,
      pick(locale, {
        zh: '暂时无法核对人员信息，请稍后再试',
        en: 'Staff records cannot be checked right now. Try again in a moment.',
      }),
      'assigneeAccountId',
    );
  }
  const colleague = lookup.colleagues.find((c) => c.accountId === assignee);
  const handles = colleague?.roles.some((role) => role === STAFF_ROLE || role === SUPERVISOR_ROLE);
  if (!colleague || !colleague.active || !handles) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '只能分派给本部门在岗的办理人员',
        en: 'Applications can only go to active staff of your department.',
      }),
      'assigneeAccountId',
    );
  }
  return null;
}

async function assignOne(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  item: { id: string; expectedVersion: number },
  assignee: string | null,
  locale: Locale,
  requestId: string | null,
): Promise<ItemOutcome> {
  const refused = (failure: Failure): ItemOutcome => ({
    id: item.id,
    ok: false,
    error: failure.error,
    application: null,
  });
  const loaded = await loadForStaff(em.fork(), viewer, item.id, item.expectedVersion, locale);
  if (isFailure(loaded)) return refused(loaded);
  const { app, definition } = loaded;
  if (definition.spec.states[app.state]?.final) {
    return refused(
      fail(
        ErrorCode.CONFLICT,
        pick(locale, { zh: '此办件已办结', en: 'This application is finished.' }),
        'id',
      ),
    );
  }
  const supervisor = actorsOf(viewer, app).includes('SUPERVISOR');
  if (!supervisor) {
    // Staff manage only their own share: claim what nobody holds, release what they hold.
    const heldByOther = app.assigneeAccountId !== null && app.assigneeAccountId !== viewer.accountId;
    if (assignee === null && app.assigneeAccountId !== viewer.accountId) {
      return refused(
        fail(
          ErrorCode.CONFLICT,
          pick(locale, { zh: '此办件不是由您认领的', en: 'You have not claimed this application.' }),
          'id',
        ),
      );
    }
    if (assignee !== null && heldByOther) {
      return refused(
        fail(
          ErrorCode.CONFLICT,
          pick(locale, {
            zh: '此办件已被其他同事认领',
            en: 'A colleague has already claimed this application.',
          }),
          'id',
        ),
      );
    }
  }
  if (app.assigneeAccountId === assignee) {
    // Already where it should go: nothing to record.
    return { id: item.id, ok: true, error: null, application: app };
  }
  const action = assignee === null ? 'release' : assignee === viewer.accountId ? 'claim' : 'assign';
  const done = await commitChange(
    em.fork(),
    app,
    { assigneeAccountId: assignee },
    [{ ...step(viewer, loaded, action, null, supervisor), assigneeAccountId: assignee }],
    new Date(services.now()),
    requestId,
  );
  if (!done) return refused(failures.changedMeanwhile(locale));
  const current = await saved(em.fork(), app.id);
  return { id: item.id, ok: true, error: null, application: current.application };
}
