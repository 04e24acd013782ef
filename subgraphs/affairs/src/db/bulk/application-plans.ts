/**
 * Plans for a history of applications: who applied for what, when, and every step taken since,
 * ending in the mix of states a working city has at one moment. Pure and seeded (the caller's
 * `random`), so the same inputs give the same plans; `application-rows.ts` turns a plan into the
 * rows affairs stores by taking each step through the workflow engine.
 */
import { seededWorkingCalendar } from '../../modules/calendar/holidays-cn.js';
import { civilDateOf } from '../../modules/calendar/working-calendar.js';
import { SEED_ITEM_WORKFLOWS } from '../../modules/application/item-workflow.entity.js';
import type { Actor } from '../../modules/workflow/workflow-spec.js';

/** A service item as planning needs it (an `ItemTerms` snapshot will do). */
export interface PlanItem {
  code: string;
  departmentCode: string;
  /** 承诺办结时限 in working days. */
  promisedDays: number;
  /** In the guide's order. */
  materials: { required: boolean; fromLicenceType: string | null }[];
}

/** A person who may apply: their ids as identity knows them, and their valid licences by type. */
export interface Applicant {
  personId: string;
  accountId: string;
  /** Licence id by licence type code, for 零材料. */
  licences?: Readonly<Record<string, string>>;
}

/** A member of a department's staff who handles applications. */
export interface Handler {
  accountId: string;
  /** Identity's roles: `department-staff`, and `supervisor` for supervisors. */
  roles: readonly string[];
}

/** One step after the draft was saved. Materials are named by their position in the guide. */
export interface PlannedStep {
  /** A workflow action (`submit`, `accept`…), or `claim` (认领, the handler takes the case on). */
  action: string;
  at: Date;
  actorAccountId: string;
  /** The capacities the actor holds for this application (APPLICANT, or STAFF/SUPERVISOR). */
  actors: Actor[];
  comment: string | null;
  /** 补正: which material goes back and why. */
  corrections: { material: number; reason: string }[] | null;
}

export interface ApplicationPlan {
  id: string;
  /** `BM` + the civil date it was started + a sequence: never one affairs issues (`YH…`). */
  reference: string;
  itemCode: string;
  personId: string;
  accountId: string;
  createdAt: Date;
  /** When the draft was saved with the applicant's choices (licences agreed to, the rest to upload). */
  savedAt: Date;
  /** Materials (by position) the applicant agreed to supply from a licence they hold. */
  licences: { material: number; licenceId: string; typeCode: string }[];
  steps: PlannedStep[];
}

export interface PlanOptions {
  count: number;
  items: readonly PlanItem[];
  applicants: readonly Applicant[];
  /** Each department's handlers; a department with items needs at least one, and a supervisor for 复核. */
  handlers: ReadonlyMap<string, readonly Handler[]>;
  /** The moment the history leads up to: every step is before it. */
  now: Date;
  /** Uniform on [0, 1), seeded. */
  random: () => number;
  /** Item code → workflow code; affairs' demo handling (`SEED_ITEM_WORKFLOWS`) by default. */
  workflows?: Readonly<Record<string, string>>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CHINA_OFFSET = 8 * HOUR;

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

/** What staff write where a comment is required (or usual), as a department would. */
const COMMENTS: Record<string, readonly string[]> = {
  notAccept: [
    '该事项不属于本部门受理范围，请向户籍所在地街道便民服务中心申请。',
    '申请人不符合申请条件，不予受理。',
    '同一事项已有在办申请，请勿重复提交。',
  ],
  reject: [
    '经核查，申请人家庭收入超过规定标准，不予批准。',
    '所提交证明材料与实际情况不符，不予批准。',
    '申请人不满足政策规定的年限要求。',
  ],
  suspend: ['需外单位协查，等待回函后继续办理。', '需入户核查，已与申请人约定核查时间。', '等待公示期结束。'],
  recommend: ['初审通过，材料齐全，建议批准。', '经核查符合条件，提请复核。'],
  approve: ['经核查，准予办理。', '材料齐全，符合法定条件。'],
};
const CORRECTIONS = [
  '请上传清晰、完整的扫描件。',
  '证明材料已过有效期，请重新开具后上传。',
  '缺少申请人签名，请补签后重新上传。',
  '复印件需加盖出具单位公章。',
];

/**
 * Delay before each action (calendar days, uniform between the two): how long such a step usually
 * takes. A department's steps after 受理 scale with the item's time limit (`promisedDays`, in
 * working days, about 1.4 calendar days each), so most cases are decided in time.
 */
function delayOf(action: string, promisedDays: number): [number, number] {
  switch (action) {
    case 'submit':
      return [0, 1];
    case 'accept':
    case 'notAccept':
      return [0.05, 1.8];
    case 'startReview':
      return [0, Math.min(1, 0.2 + promisedDays * 0.3)];
    case 'recommend':
      return [0.2, Math.max(0.5, promisedDays * 0.5)];
    case 'approve':
    case 'reject':
      return [0.1, Math.max(0.3, promisedDays * 0.7)];
    case 'complete':
      return [0, 1.5];
    case 'requestCorrection':
    case 'suspend':
      return [0.1, Math.max(0.3, promisedDays * 0.6)];
    case 'resubmit':
      return [0.5, 5];
    default: // withdraw
      return [0.05, 4];
  }
}

/**
 * How long ago the last step was (calendar days): open cases recently — a case waiting for 受理 up
 * to 3.5 days (it is due in 2 working days), one under way up to 1.2 × its time limit — so that
 * roughly one open case in five is overdue, as in a department that keeps up most of the time.
 */
function idleOf(state: string, promisedDays: number): [number, number] {
  switch (state) {
    case 'DRAFT':
      return [0, 30];
    case 'SUBMITTED':
      return [0, 3.5];
    case 'ACCEPTED':
    case 'UNDER_REVIEW':
    case 'SECOND_REVIEW':
      return [0, Math.max(0.3, promisedDays * 1.2)];
    case 'RETURNED':
    case 'SUSPENDED':
      return [0, 20];
    case 'APPROVED':
      return [0, 3];
    default:
      return [0.1, 365];
  }
}

/** The actions that lead from a new draft to `state` (`instant`: an item handled the same day). */
function pathTo(state: string, twoLevel: boolean, instant: boolean, rnd: () => number): string[] {
  const review = [
    'submit',
    'accept',
    ...(rnd() < 0.1 ? ['requestCorrection', 'resubmit'] : []),
    'startReview',
  ];
  const decide = (decision: string) => [...review, ...(twoLevel ? ['recommend'] : []), decision];
  const stopped = (last: string) => ['submit', 'accept', ...(rnd() < 0.5 ? ['startReview'] : []), last];
  switch (state) {
    case 'DRAFT':
      return [];
    case 'SUBMITTED':
      return ['submit'];
    case 'RETURNED':
      // 补正 before acceptance leaves the clock unstarted; after it, stops the running clock.
      return instant || rnd() < 0.3 ? ['submit', 'requestCorrection'] : stopped('requestCorrection');
    case 'NOT_ACCEPTED':
      return ['submit', 'notAccept'];
    case 'WITHDRAWN':
      return ['submit', 'withdraw'];
    case 'ACCEPTED':
      return ['submit', 'accept'];
    case 'UNDER_REVIEW':
      return review;
    case 'SECOND_REVIEW':
      return [...review, 'recommend'];
    case 'SUSPENDED':
      return stopped('suspend');
    case 'APPROVED':
      return decide('approve');
    case 'COMPLETED':
      return [...decide('approve'), 'complete'];
    default: // REJECTED
      return decide('reject');
  }
}

const actorsOf = (handler: Handler): Actor[] => [
  ...(handler.roles.includes('department-staff') ? (['STAFF'] as const) : []),
  ...(handler.roles.includes('supervisor') ? (['SUPERVISOR'] as const) : []),
];

const APPLICANT_ACTIONS = new Set(['submit', 'resubmit', 'withdraw']);
/** Where staff take a case on (认领), when they do, before their first step. */
const FIRST_DEPARTMENT_ACTIONS = new Set(['accept', 'notAccept', 'requestCorrection']);

/** A seeded RFC 4122 version 4 UUID. */
function uuidFrom(rnd: () => number): string {
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(rnd() * 2 ** 32)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rnd() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Staff work in office hours on working days: `at`, or the last moment before it that is one. */
function inOfficeHours(at: number, rnd: () => number, isWorkingDay: (at: number) => boolean): number {
  let t = at;
  for (let guard = 0; guard < 30; guard++) {
    const local = (t + CHINA_OFFSET) % DAY;
    if (isWorkingDay(t) && local >= 9 * HOUR && local <= 17.5 * HOUR) return t;
    // Back to the close of the previous office day, then a little earlier.
    const dayStart = t - local;
    t = (local > 17.5 * HOUR ? dayStart : dayStart - DAY) + 17.5 * HOUR - rnd() * 7 * HOUR;
  }
  return t;
}

/**
 * `count` applications by `applicants` for `items` (uniformly), each planned backwards from
 * `now`: the last step a while ago (how long depends on the state), every earlier step a usual
 * delay before the next, staff steps in office hours on working days. A tenth of the decided ones
 * went through a round of 补正 first; 60% of the cases a department handled were claimed (认领).
 * An applicant has at most one draft per item (`startApplication` resumes an open draft).
 */
export function planApplications(options: PlanOptions): ApplicationPlan[] {
  const rnd = options.random;
  const workflows = options.workflows ?? SEED_ITEM_WORKFLOWS;
  const calendar = seededWorkingCalendar();
  const isWorkingDay = (at: number) => calendar.isWorkingDay(civilDateOf(new Date(at)));
  const now = options.now.getTime();
  const uniform = ([min, max]: [number, number]) => min + rnd() * (max - min);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const drafts = new Set<string>();
  const plans: ApplicationPlan[] = [];
  for (let seq = 0; seq < options.count; seq++) {
    const item = pick(options.items);
    let applicant = pick(options.applicants);
    let state = STATE_SHARES[STATE_SHARES.length - 1]![0];
    for (let r = rnd() * 100, i = 0; i < STATE_SHARES.length; r -= STATE_SHARES[i]![1], i++) {
      if (r < STATE_SHARES[i]![1]) {
        state = STATE_SHARES[i]![0];
        break;
      }
    }
    if (state === 'DRAFT') {
      for (let tries = 0; drafts.has(`${applicant.personId}|${item.code}`) && tries < 20; tries++)
        applicant = pick(options.applicants);
      // Everyone tried already has a draft of it: this one was withdrawn instead.
      if (drafts.has(`${applicant.personId}|${item.code}`)) state = 'WITHDRAWN';
      drafts.add(`${applicant.personId}|${item.code}`);
    }
    const twoLevel = workflows[item.code] === 'two-level-review';
    if (state === 'UNDER_REVIEW' && twoLevel && rnd() < 0.5) state = 'SECOND_REVIEW';
    // An item handled the same day (即办, no working days) is decided when it is accepted: one
    // still open waits to be accepted.
    const instant = item.promisedDays === 0;
    if (instant && ['ACCEPTED', 'UNDER_REVIEW', 'SECOND_REVIEW', 'SUSPENDED'].includes(state))
      state = 'SUBMITTED';
    const path = pathTo(state, twoLevel, instant, rnd);

    const staff = options.handlers.get(item.departmentCode) ?? [];
    const supervisors = staff.filter((h) => h.roles.includes('supervisor'));
    if (twoLevel && path.some((a) => a === 'approve' || a === 'reject') && supervisors.length === 0)
      throw new Error(`department ${item.departmentCode} has no supervisor for 复核`);
    const handler = staff.length ? pick(staff) : undefined;
    const claims = rnd() < 0.6;

    // Backwards from the last step: each step's time, then the draft before the first.
    const times: number[] = [];
    let t = now - uniform(idleOf(state, item.promisedDays)) * DAY;
    for (let i = path.length - 1; i >= 0; i--) {
      if (!APPLICANT_ACTIONS.has(path[i]!)) t = inOfficeHours(t, rnd, isWorkingDay);
      times[i] = t;
      t -= uniform(delayOf(path[i]!, item.promisedDays)) * DAY;
    }
    const savedAt = Math.min(t, (times[0] ?? now) - MINUTE);
    const createdAt = savedAt - uniform([1, 40]) * MINUTE;

    const steps: PlannedStep[] = [];
    for (const [i, action] of path.entries()) {
      const at = new Date(times[i]!);
      if (APPLICANT_ACTIONS.has(action)) {
        steps.push({
          action,
          at,
          actorAccountId: applicant.accountId,
          actors: ['APPLICANT'],
          comment: null,
          corrections: null,
        });
        continue;
      }
      if (!handler) throw new Error(`department ${item.departmentCode} has no handlers`);
      // 复核 decisions are a supervisor's; everything else the case handler's.
      const secondReview = twoLevel && (action === 'approve' || action === 'reject');
      const by = secondReview ? pick(supervisors) : handler;
      if (claims && FIRST_DEPARTMENT_ACTIONS.has(action) && !steps.some((s) => s.action === 'claim')) {
        steps.push({
          action: 'claim',
          at: new Date(at.getTime() - uniform([1, 30]) * MINUTE),
          actorAccountId: handler.accountId,
          actors: actorsOf(handler),
          comment: null,
          corrections: null,
        });
      }
      const comments = COMMENTS[action];
      const upload = item.materials.findIndex((m) => !m.fromLicenceType);
      steps.push({
        action,
        at,
        actorAccountId: by.accountId,
        actors: actorsOf(by),
        comment: comments && (action !== 'approve' || rnd() < 0.3) ? pick(comments) : null,
        corrections:
          action === 'requestCorrection'
            ? [{ material: Math.max(0, upload), reason: pick(CORRECTIONS) }]
            : null,
      });
    }

    const held = applicant.licences ?? {};
    const created = new Date(createdAt);
    plans.push({
      id: uuidFrom(rnd),
      reference: `BM${new Date(createdAt + CHINA_OFFSET).toISOString().slice(0, 10).replace(/-/g, '')}${seq.toString(36).toUpperCase().padStart(6, '0')}`,
      itemCode: item.code,
      personId: applicant.personId,
      accountId: applicant.accountId,
      createdAt: created,
      savedAt: new Date(savedAt),
      licences: item.materials.flatMap((m, material) =>
        m.fromLicenceType && held[m.fromLicenceType]
          ? [{ material, licenceId: held[m.fromLicenceType]!, typeCode: m.fromLicenceType }]
          : [],
      ),
      steps,
    });
  }
  return plans;
}
