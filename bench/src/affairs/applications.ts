import { randomUUID } from 'node:crypto';
import type { Platform } from './platform.js';
import { chinaDay, endOfChinaDay, workingDaysOf, type WorkingDays } from './working-days.js';

type TermsLookup = Awaited<ReturnType<Platform['affairs']['services']['catalog']['itemTerms']>>;
type ItemTerms = NonNullable<Extract<TermsLookup, { ok: true }>['terms']>;

/** A row of affairs' `application` table, as its entity (`Application`) names the columns. */
interface ApplicationRow {
  id: string;
  reference: string;
  personId: string;
  accountId: string;
  itemId: string;
  itemCode: string;
  departmentCode: string;
  terms: ItemTerms;
  workflowDefinitionId: string;
  state: string;
  previousState: string | null;
  formAnswers: Record<string, unknown>;
  materials: {
    id: string;
    source: 'LICENCE' | 'UPLOAD';
    licence: { licenceId: string; typeCode: string; consentedAt: string } | null;
    fileIds: string[];
    correction: string | null;
  }[];
  suspensions: { from: string; to: string | null; reason: string }[];
  extension: null;
  ruleEvaluation: null;
  assigneeAccountId: string | null;
  submittedAt: Date | null;
  acceptedAt: Date | null;
  decidedAt: Date | null;
  finishedAt: Date | null;
  dueAt: Date | null;
  escalatedAt: Date | null;
  ratingInvitedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * How a city's applications stand at any moment: most are finished, about a quarter need a
 * department's work (the inbox's states), a few are drafts. Percentages.
 */
const STATE_SHARES: [string, number][] = [
  ['DRAFT', 6],
  ['SUBMITTED', 5],
  ['RETURNED', 2],
  ['ACCEPTED', 7],
  ['UNDER_REVIEW', 6],
  ['SUSPENDED', 1],
  ['APPROVED', 3],
  ['COMPLETED', 55],
  ['REJECTED', 4],
  ['NOT_ACCEPTED', 3],
  ['WITHDRAWN', 8],
];

/** `version` after the usual steps to each state (1 on creation, +1 per change). */
const VERSION_OF: Record<string, number> = {
  DRAFT: 2,
  SUBMITTED: 3,
  NOT_ACCEPTED: 4,
  WITHDRAWN: 4,
  ACCEPTED: 4,
  RETURNED: 5,
  UNDER_REVIEW: 5,
  SECOND_REVIEW: 6,
  SUSPENDED: 6,
  APPROVED: 6,
  REJECTED: 6,
  COMPLETED: 7,
};

const DAY_MS = 86_400_000;
const BATCH = 1000;

/** mulberry32: the same data on every run and driver. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every item of the catalog with the terms affairs would freeze on an application for it. */
async function catalogTerms(platform: Platform): Promise<ItemTerms[]> {
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const page: {
      data?: {
        serviceItems: {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        } | null;
      } | null;
    } = await platform.catalog.execute(
      `query Items($after: String) { serviceItems(first: 50, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    const items = page.data?.serviceItems;
    if (!items) throw new Error('the catalog did not list its items');
    ids.push(...items.edges.map((e) => e.node.id));
    after = items.pageInfo.hasNextPage ? items.pageInfo.endCursor : null;
  } while (after);
  const terms: ItemTerms[] = [];
  for (const id of ids) {
    const lookup = await platform.affairs.services.catalog.itemTerms(id);
    if (lookup.ok && lookup.terms) terms.push(lookup.terms);
  }
  // In code order, so that the seeded choices pick the same items on every driver.
  return terms.sort((a, b) => a.code.localeCompare(b.code));
}

/** The latest version of each workflow definition, and which one each item is handled under. */
async function workflows(platform: Platform) {
  const em = platform.orm.em.fork();
  const definitions = await em.find<{ id: string; code: string; version: number }>(
    'WorkflowDefinition',
    {},
    { orderBy: { version: 'asc' } },
  );
  const latest = new Map(definitions.map((d) => [d.code, d]));
  const handling = await em.find<{ itemCode: string; workflowCode: string }>('ItemWorkflow', {});
  const codeOf = new Map(handling.map((h) => [h.itemCode, h.workflowCode]));
  return (itemCode: string) => {
    const code = codeOf.get(itemCode) ?? 'standard';
    const definition = latest.get(code);
    if (!definition) throw new Error(`workflow definition ${code} is missing`);
    return definition;
  };
}

/**
 * One generated application, consistent with what affairs would have stored: the clock fields of
 * its state, `dueAt` as affairs computes it (acceptance due for submitted ones; the deadline
 * counted in working days from acceptance, pushed back by a running suspension), and escalated
 * once overdue, as the SLA sweep would have done. Files and history rows are not generated: the
 * inbox reads neither.
 */
function generate(
  seq: number,
  rnd: () => number,
  ctx: {
    now: number;
    items: ItemTerms[];
    workflowOf: Awaited<ReturnType<typeof workflows>>;
    days: WorkingDays;
    staff: Map<string, string[]>;
  },
): ApplicationRow {
  const { now, days } = ctx;
  const today = chinaDay(now);
  const uniform = (min: number, max: number) => min + rnd() * (max - min);
  const ago = (minDays: number, maxDays: number) => new Date(now - uniform(minDays, maxDays) * DAY_MS);
  const between = (from: Date, maxDays: number) =>
    new Date(Math.min(now, from.getTime() + uniform(0, maxDays) * DAY_MS));
  const terms = ctx.items[Math.floor(rnd() * ctx.items.length)]!;
  const definition = ctx.workflowOf(terms.code);
  let state = STATE_SHARES[STATE_SHARES.length - 1]![0];
  for (let r = rnd() * 100, i = 0; i < STATE_SHARES.length; r -= STATE_SHARES[i]![1], i++) {
    if (r < STATE_SHARES[i]![1]) {
      state = STATE_SHARES[i]![0];
      break;
    }
  }
  if (state === 'UNDER_REVIEW' && definition.code === 'two-level-review' && rnd() < 0.5)
    state = 'SECOND_REVIEW';
  // 补正 before acceptance leaves the clock unstarted; after it, stops the running clock.
  const returnedBeforeAcceptance = state === 'RETURNED' && rnd() < 0.3;
  const promised = terms.promisedDays;

  let submittedAt: Date | null = null;
  let acceptedAt: Date | null = null;
  let decidedAt: Date | null = null;
  let finishedAt: Date | null = null;
  let dueAt: Date | null = null;
  let escalatedAt: Date | null = null;
  let previousState: string | null = null;
  let suspensions: ApplicationRow['suspensions'] = [];

  if (state === 'SUBMITTED' || returnedBeforeAcceptance) {
    submittedAt = ago(0, 5);
    dueAt = endOfChinaDay(days.add(chinaDay(submittedAt), 2));
    if (returnedBeforeAcceptance) {
      previousState = 'SUBMITTED';
      suspensions = [{ from: between(submittedAt, 2).toISOString(), to: null, reason: 'requestCorrection' }];
    }
  } else if (['ACCEPTED', 'UNDER_REVIEW', 'SECOND_REVIEW', 'SUSPENDED', 'RETURNED'].includes(state)) {
    acceptedAt = ago(0, promised * 1.4 + 6);
    submittedAt = new Date(acceptedAt.getTime() - uniform(0, 2) * DAY_MS);
    const accepted = chinaDay(acceptedAt);
    let deadline = days.add(accepted, promised);
    if (state === 'SUSPENDED' || state === 'RETURNED') {
      previousState = rnd() < 0.5 ? 'ACCEPTED' : 'UNDER_REVIEW';
      const from = between(acceptedAt, (now - acceptedAt.getTime()) / DAY_MS);
      suspensions = [
        {
          from: from.toISOString(),
          to: null,
          reason: state === 'SUSPENDED' ? 'suspend' : 'requestCorrection',
        },
      ];
      // A suspension that begins after the deadline does not revive the case; one that counts
      // keeps it from falling due while it lasts.
      if (chinaDay(from) <= deadline)
        deadline = Math.max(today, days.add(accepted, promised + days.between(chinaDay(from), today)));
    } else if (endOfChinaDay(deadline).getTime() < now) {
      escalatedAt = new Date(Math.min(now, endOfChinaDay(deadline).getTime() + 60_000));
    }
    dueAt = endOfChinaDay(deadline);
  } else if (state === 'APPROVED' || state === 'COMPLETED' || state === 'REJECTED') {
    acceptedAt = state === 'APPROVED' ? ago(0, 20) : ago(3, 365);
    submittedAt = new Date(acceptedAt.getTime() - uniform(0, 2) * DAY_MS);
    decidedAt = between(acceptedAt, promised * 1.4 + 1);
    if (state !== 'APPROVED') finishedAt = state === 'COMPLETED' ? between(decidedAt, 2) : decidedAt;
  } else if (state === 'NOT_ACCEPTED' || state === 'WITHDRAWN') {
    submittedAt = ago(1, 365);
    finishedAt = between(submittedAt, state === 'WITHDRAWN' ? 5 : 2);
    if (state === 'NOT_ACCEPTED') decidedAt = finishedAt;
  }

  const createdAt = new Date(
    (submittedAt?.getTime() ?? now) - uniform(0, state === 'DRAFT' ? 30 : 1) * DAY_MS,
  );
  const handled = acceptedAt !== null && finishedAt === null;
  const staff = ctx.staff.get(terms.departmentCode) ?? [];
  const times = [createdAt, submittedAt, acceptedAt, decidedAt, finishedAt].filter(
    (d): d is Date => d !== null,
  );
  return {
    id: randomUUID(),
    // BM…: generated rows never collide with the YH… references affairs issues.
    reference: `BM${new Date(createdAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '')}${seq.toString(36).toUpperCase().padStart(6, '0')}`,
    personId: randomUUID(),
    accountId: randomUUID(),
    itemId: terms.id,
    itemCode: terms.code,
    departmentCode: terms.departmentCode,
    terms,
    workflowDefinitionId: definition.id,
    state,
    previousState,
    formAnswers: {},
    materials: terms.materials.map((m, i) => ({
      id: m.id,
      source: m.fromLicenceType ? 'LICENCE' : 'UPLOAD',
      licence:
        m.fromLicenceType && submittedAt
          ? { licenceId: randomUUID(), typeCode: m.fromLicenceType, consentedAt: submittedAt.toISOString() }
          : null,
      fileIds: [],
      correction: state === 'RETURNED' && i === 0 ? '请上传清晰、完整的扫描件' : null,
    })),
    suspensions,
    extension: null,
    ruleEvaluation: null,
    assigneeAccountId:
      handled && staff.length && rnd() < 0.6 ? staff[Math.floor(rnd() * staff.length)]! : null,
    submittedAt,
    acceptedAt,
    decidedAt,
    finishedAt,
    dueAt,
    escalatedAt,
    ratingInvitedAt:
      finishedAt && finishedAt.getTime() < now - 3 * DAY_MS
        ? new Date(finishedAt.getTime() + 3 * DAY_MS)
        : null,
    createdAt,
    updatedAt: new Date(Math.max(...times.map((d) => d.getTime()))),
    version: VERSION_OF[state] ?? 2,
  };
}

/**
 * Insert `count` applications spread over every item of the demo catalog (so over every
 * department, in proportion to its items) straight into affairs' database, in batches of 1,000
 * through the ORM's `insertMany` (the entity's own column mapping and JSON handling), then on
 * PostgreSQL VACUUM ANALYZE.
 */
export async function insertApplications(platform: Platform, count: number) {
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const ctx = {
    now,
    items: await catalogTerms(platform),
    workflowOf: await workflows(platform),
    days: await workingDaysOf(platform, [year - 1, year, year + 1]),
    staff: new Map<string, string[]>(),
  };
  for (const item of ctx.items)
    if (!ctx.staff.has(item.departmentCode))
      ctx.staff.set(
        item.departmentCode,
        Array.from({ length: 8 }, () => randomUUID()),
      );
  const rnd = random(20261129);
  const em = platform.orm.em.fork();
  for (let done = 0; done < count; done += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, count - done) }, (_, i) =>
      generate(done + i, rnd, ctx),
    );
    await em.insertMany<ApplicationRow>('Application', batch);
  }
  // What autovacuum does soon after such a load on PostgreSQL: planner statistics, and the
  // visibility map that lets a count read the index alone. (SQLite has no such step.)
  if (platform.driver === 'postgresql')
    await em.getConnection().execute('vacuum analyze "affairs"."application"');
}
