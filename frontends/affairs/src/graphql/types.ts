// TypeScript shapes of the affairs schema (subgraphs/affairs/src/schema.graphql) and of identity's
// `me`, limited to the fields this remote selects. Each document's result type is built from these.

export type ApplicationState =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'RETURNED'
  | 'ACCEPTED'
  | 'UNDER_REVIEW'
  | 'SECOND_REVIEW'
  | 'SUSPENDED'
  | 'APPROVED'
  | 'REJECTED'
  | 'NOT_ACCEPTED'
  | 'WITHDRAWN'
  | 'COMPLETED';

export const APPLICATION_STATES: readonly ApplicationState[] = [
  'DRAFT',
  'SUBMITTED',
  'RETURNED',
  'ACCEPTED',
  'UNDER_REVIEW',
  'SECOND_REVIEW',
  'SUSPENDED',
  'APPROVED',
  'REJECTED',
  'NOT_ACCEPTED',
  'WITHDRAWN',
  'COMPLETED',
];

export function isApplicationState(value: unknown): value is ApplicationState {
  return typeof value === 'string' && (APPLICATION_STATES as readonly string[]).includes(value);
}

export type DeadlineStatus = 'ON_TIME' | 'DUE_SOON' | 'OVERDUE';
export type MaterialSource = 'LICENCE' | 'UPLOAD';
export type RuleDecision = 'APPROVE' | 'REVIEW';
export type RuleOutcome = 'PASS' | 'FAIL' | 'UNKNOWN';
export type ExtensionStatus = 'REQUESTED' | 'APPROVED' | 'DECLINED';
export type RectificationStatus = 'OPEN' | 'CLOSED';
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE';

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface Connection<TNode> {
  totalCount: number;
  edges: { cursor: string; node: TNode }[];
  pageInfo: PageInfo;
}

export interface UserError {
  code: ErrorCode;
  message: string;
  field: string | null;
}

export interface DeadlineFields {
  date: string;
  dueAt: string;
  workingDaysLeft: number;
  status: DeadlineStatus;
  clockStopped: boolean;
  suspendedWorkingDays: number;
  extensionWorkingDays: number;
  provisional: boolean;
}

export interface TermsFields {
  itemCode: string;
  itemName: string;
  departmentCode: string;
  departmentName: string;
  legalDays: number;
  promisedDays: number;
}

/** What an application shows in a list (my applications, the inbox). */
export interface ApplicationCardFields {
  id: string;
  reference: string;
  state: ApplicationState;
  stateLabel: string;
  canRate: boolean;
  createdAt: string;
  submittedAt: string | null;
  decidedAt: string | null;
  acceptanceDueAt: string | null;
  version: number;
  serviceItem: { id: string };
  terms: Pick<TermsFields, 'itemCode' | 'itemName' | 'departmentName'>;
  deadline: DeadlineFields | null;
}

export interface InboxRowFields extends ApplicationCardFields {
  assigneeAccountId: string | null;
  assignee: StaffMemberFields | null;
  assignedToMe: boolean;
  escalatedAt: string | null;
  extension: { status: ExtensionStatus } | null;
}

export interface WorkflowActionFields {
  name: string;
  label: string;
  commentRequired: boolean;
  materialReasonsRequired: boolean;
}

export interface MaterialFileFields {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  downloadUrl: string;
  uploadedAt: string;
}

export interface ApplicationMaterialFields {
  id: string;
  name: string;
  required: boolean;
  fromLicenceType: string | null;
  source: MaterialSource;
  licenceUsed: boolean;
  licenceConsentedAt: string | null;
  fileCount: number;
  files: MaterialFileFields[];
  correction: string | null;
}

export interface RuleResultFields {
  ruleId: string;
  kind: string;
  outcome: RuleOutcome;
  explanation: string;
}

export interface RuleEvaluationFields {
  ruleSetVersion: number;
  decision: RuleDecision;
  evaluatedAt: string;
  results: RuleResultFields[];
}

export interface ApplicationStepFields {
  action: string;
  label: string;
  fromState: ApplicationState | null;
  toState: ApplicationState;
  actorKind: string;
  comment: string | null;
  materialReasons: { materialId: string; reason: string }[] | null;
  at: string;
  /** Staff pages only: who took the step, and for claim/assign steps to whom it went. */
  actor?: StaffMemberFields | null;
  assignee?: StaffMemberFields | null;
}

/** A colleague as identity shows them to staff. */
export interface StaffMemberFields {
  accountId: string;
  name: string;
}

/** A colleague a supervisor may assign work to. */
export interface ColleagueFields extends StaffMemberFields {
  roles: string[];
}

export interface BulkAssignResult {
  ok: boolean;
  error: UserError | null;
  results: { id: string; ok: boolean; error: UserError | null; application: InboxRowFields | null }[];
}

export interface RectificationTaskFields {
  id: string;
  applicationReference: string;
  applicationId: string;
  itemName: string;
  score: number;
  comment: string | null;
  status: RectificationStatus;
  openedAt: string;
  response: string | null;
  closedAt: string | null;
}

export interface RatingFields {
  score: number;
  scoreLabel: string;
  satisfaction: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  comment: string | null;
  ratedAt: string;
  rectification: Pick<RectificationTaskFields, 'id' | 'status' | 'response' | 'closedAt'> | null;
}

export interface ExtensionFields {
  status: ExtensionStatus;
  workingDays: number;
  reason: string;
  requestedAt: string;
  decidedAt: string | null;
  decisionComment: string | null;
}

/** Everything both the applicant's and the staff's detail pages show. */
export interface ApplicationDetailFields {
  id: string;
  reference: string;
  state: ApplicationState;
  stateLabel: string;
  version: number;
  createdAt: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  decidedAt: string | null;
  acceptanceDueAt: string | null;
  serviceItem: { id: string };
  terms: TermsFields;
  workflow: { code: string; version: number; name: string };
  availableActions: WorkflowActionFields[];
  materials: ApplicationMaterialFields[];
  formAnswers: { field: string; value: string }[];
  deadline: DeadlineFields | null;
  ruleEvaluation: RuleEvaluationFields | null;
  history: ApplicationStepFields[];
}

export interface ApplicantApplication extends ApplicationDetailFields {
  canRate: boolean;
  rating: RatingFields | null;
}

export interface StaffApplication extends ApplicationDetailFields {
  assigneeAccountId: string | null;
  assignee: StaffMemberFields | null;
  assignedToMe: boolean;
  escalatedAt: string | null;
  extension: ExtensionFields | null;
}

export interface NotificationFields {
  id: string;
  kind: string;
  title: string;
  body: string;
  applicationId: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationConnection extends Connection<NotificationFields> {
  unreadCount: number;
}

export interface InboxFilter {
  states?: ApplicationState[];
  assignedToMe?: boolean;
  overdueOnly?: boolean;
  escalatedOnly?: boolean;
  extensionPending?: boolean;
}

/** The signed-in account, from identity. */
export interface Viewer {
  id: string;
  roles: string[];
  department: { code: string; name: string; nameEn: string } | null;
  person: { name: string } | null;
}

export interface ApplicationResult<TApplication> {
  ok: boolean;
  error: UserError | null;
  application: TApplication | null;
}

/** The applicant as staff see them (identity's Person): the ID number and phone come masked. */
export interface ApplicantFields {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
}

/** Personal data that staff can reveal in full for a declared purpose. */
export type PersonalDataField = 'ID_NUMBER' | 'PHONE' | 'ADDRESS';

export interface RevealPurposeInput {
  kind: 'CASE_HANDLING' | 'IDENTITY_CHECK' | 'LEGAL_REQUEST';
  reference: string;
  note?: string;
}

export interface RevealResult {
  ok: boolean;
  error: UserError | null;
  field: PersonalDataField | null;
  /** The full value; null when nothing is on file. */
  value: string | null;
}

/** HOLIDAY (放假) or WORKDAY (调休上班, a worked weekend day). */
export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';

/** A day of the working calendar as administrators edit it. */
export interface CalendarDayFields {
  date: string;
  kind: CalendarDayKind;
  /** In the UI language. */
  name: string;
  nameZh: string;
  nameEn: string;
  note: string | null;
  version: number;
}

export interface WorkingCalendarYearFields {
  year: number;
  provisional: boolean;
  days: CalendarDayFields[];
}

export interface CalendarDayResult {
  ok: boolean;
  error: UserError | null;
  day: CalendarDayFields | null;
}

/** One published version of an item's 秒批 rules; `rules` is JSON text. */
export interface RuleSetFields {
  itemCode: string;
  version: number;
  rules: string;
  note: string | null;
  createdAt: string;
}

export interface RuleSetPage {
  ruleSets: RuleSetFields[];
  totalCount: number;
}

export interface RuleSetResult {
  ok: boolean;
  error: UserError | null;
  ruleSet: RuleSetFields | null;
}

/** A catalog item's code and names, to show beside a rule set's item code. */
export interface ServiceItemName {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
