import { randomInt, randomUUID } from 'node:crypto';
import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import {
  decodeCursor,
  ErrorCode,
  fail,
  ok,
  pageSize,
  pick,
  toConnection,
  type Connection,
  type Failure,
  type Locale,
  type Logger,
  type Message,
  type Result,
  type Viewer,
} from '@bianmin/kit';
import { z } from 'zod';
import type { IdentityServices } from '../../services.js';
import { deletedIdMarker } from '../deletion/deleted-id-marker.js';
import { Organization } from '../organization/organization.entity.js';
import { checkPassword } from '../password/password-policy.js';
import { QueueFullError } from '../password/semaphore.js';
import { ID_NUMBER_MESSAGES, ID_TYPES, validateIdNumber } from '../person/id-number.js';
import { Person } from '../person/person.entity.js';
import { isFailure } from '../session/session.guard.js';
import { revokeSessions } from '../session/session.service.js';
import { Account, type AccountState } from './account.entity.js';
import { normalizePhone, normalizeUsername } from './login.js';
import { requireAdministrator } from './administrator.guard.js';
import { newAccount } from './new-account.js';
import { ADMINISTRATOR_ROLE, AUDITOR_ROLE, DEPARTMENT_ROLES } from './roles.js';

/** The roles an administrator may give: staff roles only (residents and partners sign up themselves). */
export const STAFF_ROLE_NAMES = [
  'department-staff',
  'supervisor',
  'catalog-editor',
  'licence-issuer',
  'auditor',
  'administrator',
] as const;
export type StaffRole = (typeof STAFF_ROLE_NAMES)[number];
/** GraphQL enum value (DEPARTMENT_STAFF) ⇄ role name (department-staff). */
export const roleOfEnum = (value: string) => value.toLowerCase().replace(/_/g, '-');

const CHANGED_MEANWHILE: Message = {
  zh: '账号信息刚被修改，请刷新后重试',
  en: 'The account changed meanwhile. Reload and try again.',
};

const MANAGE_DENIED: Message = {
  zh: '只有管理员可以管理员工账号，审计员不可以',
  en: 'Only administrators may manage staff accounts; auditors may not.',
};
const LIST_DENIED: Message = {
  zh: '只有管理员和审计员可以查看账号',
  en: 'Only administrators and auditors may list accounts.',
};

/** Check a set of staff roles: known, at least one, not administrator and auditor together. */
function checkRoles(raw: readonly string[], locale: Locale, field: string): string[] | Failure {
  const roles = [...new Set(raw.map(roleOfEnum))];
  if (roles.length === 0 || roles.some((r) => !(STAFF_ROLE_NAMES as readonly string[]).includes(r))) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '请至少选择一个员工角色',
        en: 'Choose at least one staff role.',
      }),
      field,
    );
  }
  if (roles.includes(ADMINISTRATOR_ROLE) && roles.includes(AUDITOR_ROLE)) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '同一账号不能同时是管理员和审计员（职责分离）',
        en: 'One account cannot be both administrator and auditor (separation of duties).',
      }),
      field,
    );
  }
  return STAFF_ROLE_NAMES.filter((r) => roles.includes(r));
}

/**
 * A one-time initial password that always passes the password rules: 16 characters from an
 * alphabet without look-alikes, at least one lower, upper, digit and symbol.
 */
export function initialPassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '#%+=?@'];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

const createShape = z.object({
  name: z.string().max(200),
  idType: z
    .enum(ID_TYPES)
    .nullish()
    .transform((v) => v ?? 'RESIDENT_ID_CARD'),
  idNumber: z.string().max(64),
  phone: z.string().max(32),
  username: z
    .string()
    .max(64)
    .nullish()
    .transform((v) => (v == null || v.trim() === '' ? null : v)),
  departmentCode: z
    .string()
    .max(32)
    .nullish()
    .transform((v) => (v == null || v.trim() === '' ? null : v.trim().toUpperCase())),
  roles: z.array(z.string().max(32)).max(10),
});

const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}·•．. '-]*$/u;

const TAKEN: Record<'phone' | 'username' | 'idNumber', Message> = {
  phone: { zh: '该手机号已有账号', en: 'An account with this phone number exists.' },
  username: { zh: '该用户名已被使用', en: 'This username is taken.' },
  idNumber: { zh: '该证件的人员已有账号', en: 'The person with this document already has an account.' },
};

function takenField(error: unknown): 'phone' | 'username' | 'idNumber' | null {
  const text = String(error);
  if (!/unique|duplicate/i.test(text)) return null;
  if (/account_phone_unique|account\.phone/i.test(text)) return 'phone';
  if (/account_username_unique|account\.username/i.test(text)) return 'username';
  if (
    /account_person_id_unique|account\.person_id|person_id_type_id_number_unique|person\.id_type/i.test(text)
  )
    return 'idNumber';
  return null;
}

export interface CreateStaffAccountInput {
  name: string;
  idType?: string | null;
  idNumber: string;
  phone: string;
  username?: string | null;
  departmentCode?: string | null;
  roles: string[];
}

/**
 * An administrator creates a staff account: the person (or the existing person with the same
 * document, if they have no account yet) and an account with the given staff roles and a random
 * initial password, returned this once. Everything is checked before anything is written, and
 * the person and account are written in one transaction. TOTP is enrolled at the first sign-in
 * (staff roles need it); the password should then be changed (see README).
 */
export async function createStaffAccount(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  raw: unknown,
  locale: Locale,
  log: Logger,
): Promise<Result<{ account: Account; initialPassword: string }> | Failure> {
  const admin = await requireAdministrator(em, services.now(), viewer, locale, MANAGE_DENIED);
  if (isFailure(admin)) return admin;
  const bad = (message: Message, field: string) =>
    fail(ErrorCode.BAD_USER_INPUT, pick(locale, message), `input.${field}`);
  const parsed = createShape.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'input');
    return bad({ zh: `${field} 格式不正确`, en: `${field} is not valid.` }, field);
  }
  const input = parsed.data;
  const name = input.name.trim();
  if ([...name].length < 1 || [...name].length > 50 || !NAME_PATTERN.test(name)) {
    return bad(
      { zh: '请填写证件上的姓名（1–50 个字）', en: 'Enter the name as on the document (1–50 characters).' },
      'name',
    );
  }
  const id = validateIdNumber(input.idType, input.idNumber, new Date(services.now()));
  if (!id.ok) return bad(ID_NUMBER_MESSAGES[id.problem], 'idNumber');
  const phone = normalizePhone(input.phone);
  if (!phone)
    return bad({ zh: '请填写 11 位大陆手机号', en: 'Enter an 11-digit mainland mobile number.' }, 'phone');
  const username = input.username === null ? null : normalizeUsername(input.username);
  if (input.username !== null && !username) {
    return bad(
      {
        zh: '用户名为 4–32 位字母、数字、_ . -，以字母开头',
        en: 'A username has 4–32 letters, digits, _ . or -, and starts with a letter.',
      },
      'username',
    );
  }
  const roles = checkRoles(input.roles, locale, 'input.roles');
  if (isFailure(roles)) return roles;
  const needsDepartment = roles.some((r) => DEPARTMENT_ROLES.includes(r));
  if (needsDepartment && !input.departmentCode) {
    return bad(
      {
        zh: '部门员工、主管和事项编辑须选择所属部门',
        en: 'Department staff, supervisors and catalog editors need a department.',
      },
      'departmentCode',
    );
  }
  if (input.departmentCode) {
    const department = await em.findOne(Organization, { code: input.departmentCode, kind: 'DEPARTMENT' });
    if (!department) return bad({ zh: '没有这个部门', en: 'There is no such department.' }, 'departmentCode');
  }

  const conflict = (field: 'phone' | 'username' | 'idNumber') =>
    fail(ErrorCode.CONFLICT, pick(locale, TAKEN[field]), `input.${field}`);
  if (await em.findOne(Account, { phone })) return conflict('phone');
  if (username && (await em.findOne(Account, { username }))) return conflict('username');
  if (
    await em.findOne(Person, {
      idType: input.idType,
      idNumber: deletedIdMarker(services.secretBox, input.idType, id.idNumber),
    })
  ) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: '该证件对应的账号已注销，在法定保存期内不能重新开户',
        en: 'The account for this document was deleted and cannot be opened again during the legal retention period.',
      }),
      'input.idNumber',
    );
  }
  const existing = (await em.findOne(Person, {
    idType: input.idType,
    idNumber: id.idNumber,
  })) as Person | null;
  if (existing && (await em.findOne(Account, { personId: existing.id }))) return conflict('idNumber');

  let password = initialPassword();
  while (checkPassword(password, { phone, username })) password = initialPassword();
  let passwordHash: string;
  try {
    passwordHash = await services.hasher.hash(password);
  } catch (error) {
    if (!(error instanceof QueueFullError)) throw error;
    return fail(
      ErrorCode.UNAVAILABLE,
      pick(locale, { zh: '系统繁忙，请稍后再试', en: 'Busy. Try again in a moment.' }),
    );
  }
  const at = new Date(services.now());
  const person: Person = existing ?? {
    id: randomUUID(),
    name,
    idType: input.idType,
    idNumber: id.idNumber,
    phone,
    address: null,
    dateOfBirth: id.dateOfBirth,
    communityCode: null,
    createdAt: at,
    updatedAt: at,
    anonymisedAt: null,
  };
  const account = newAccount({
    username,
    phone,
    passwordHash,
    roles,
    departmentCode: input.departmentCode,
    personId: person.id,
    at,
    // The administrator saw this password: the staff member replaces it at first sign-in.
    passwordChangeRequired: true,
  });

  try {
    await em.transactional(async (tx) => {
      if (!existing) await tx.insert(Person, person);
      await tx.insert(Account, account);
    });
  } catch (error) {
    const field = takenField(error);
    if (field) return conflict(field);
    throw error;
  }
  log.info(
    {
      event: 'staff-account-created',
      accountId: account.id,
      by: admin.account.id,
      roles,
      linkedPerson: !!existing,
    },
    'staff account created',
  );
  return ok({
    account: (await em.fork().findOneOrFail(Account, { id: account.id })) as Account,
    initialPassword: password,
  });
}

/**
 * An administrator replaces a staff account's roles, guarded by the version the administrator
 * saw (CONFLICT when it moved). Never their own account; never administrator with auditor; only
 * staff roles (a resident's or partner's own role is kept). Every session of the account ends,
 * so its next tokens carry the new roles.
 */
export async function setAccountRoles(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { id: string; roles: string[]; expectedVersion: number },
  locale: Locale,
  log: Logger,
): Promise<Result<{ account: Account }> | Failure> {
  const admin = await requireAdministrator(em, services.now(), viewer, locale, MANAGE_DENIED);
  if (isFailure(admin)) return admin;
  if (args.id === admin.account.id) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, { zh: '不能修改自己的角色', en: 'You cannot change your own roles.' }),
      'id',
    );
  }
  const staffRoles = checkRoles(args.roles, locale, 'roles');
  if (isFailure(staffRoles)) return staffRoles;
  const target =
    args.id.length <= 36 ? ((await em.findOne(Account, { id: args.id })) as Account | null) : null;
  if (!target) {
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个账号', en: 'There is no such account.' }),
      'id',
    );
  }
  if (target.version !== args.expectedVersion) {
    return fail(ErrorCode.CONFLICT, pick(locale, CHANGED_MEANWHILE), 'expectedVersion');
  }
  if (staffRoles.some((r) => DEPARTMENT_ROLES.includes(r)) && !target.departmentCode) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: '该账号没有所属部门，不能设为部门员工、主管或事项编辑',
        en: 'This account has no department, so it cannot be department staff, supervisor or catalog editor.',
      }),
      'roles',
    );
  }
  const kept = target.roles.filter((r) => !(STAFF_ROLE_NAMES as readonly string[]).includes(r));
  const roles = [...kept, ...staffRoles];
  const now = services.now();
  const revoked = await em.transactional(async (tx) => {
    const changed = await tx.nativeUpdate(
      Account,
      { id: target.id, version: args.expectedVersion },
      { roles, version: args.expectedVersion + 1 },
    );
    if (changed !== 1) return null;
    return revokeSessions(tx, { accountId: target.id }, 'roles-changed', now);
  });
  if (revoked === null) return fail(ErrorCode.CONFLICT, pick(locale, CHANGED_MEANWHILE), 'expectedVersion');
  log.info(
    {
      event: 'account-roles-changed',
      accountId: target.id,
      by: admin.account.id,
      from: target.roles,
      to: roles,
      revoked,
    },
    'account roles changed',
  );
  return ok({ account: (await em.fork().findOneOrFail(Account, { id: target.id })) as Account });
}

export interface AccountFilter {
  role?: string | null;
  departmentCode?: string | null;
  state?: AccountState | null;
  query?: string | null;
}

/**
 * Accounts for administrators and auditors (second factor passed), newest first. `query` matches
 * the start of a username, a whole phone number, or part of the person's name.
 */
export async function listAccounts(
  em: EntityManager,
  services: IdentityServices,
  viewer: Viewer,
  args: { filter?: AccountFilter | null; first?: number | null; after?: string | null },
  locale: Locale,
): Promise<Connection<Account> | Failure> {
  const reader = await requireAdministrator(em, services.now(), viewer, locale, LIST_DENIED, {
    auditorsMayRead: true,
  });
  if (isFailure(reader)) return reader;
  const first = pageSize(args.first, 50);
  const offset = decodeCursor(args.after);
  const filter = args.filter ?? {};
  const and: FilterQuery<Account>[] = [];
  if (filter.state) and.push({ state: filter.state });
  if (filter.departmentCode) and.push({ departmentCode: filter.departmentCode.trim().toUpperCase() });
  const query = filter.query?.trim() ?? '';
  if (query.length > 50) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: '搜索词最多 50 个字', en: 'Search at most 50 characters.' }),
      'filter.query',
    );
  }
  if (query) {
    const escaped = query.replace(/[\\%_]/g, (c) => `\\${c}`);
    const phone = normalizePhone(query);
    const people = (await em.find(
      Person,
      { name: { $like: `%${escaped}%` } },
      { fields: ['id'], limit: 200 },
    )) as Person[];
    and.push({
      $or: [
        { username: { $like: `${escaped.toLowerCase()}%` } },
        ...(phone ? [{ phone }] : []),
        ...(people.length ? [{ personId: { $in: people.map((p) => p.id) } }] : []),
      ],
    });
  }
  const where: FilterQuery<Account> = and.length ? { $and: and } : {};
  const orderBy = [{ createdAt: 'desc' as const }, { id: 'asc' as const }];
  if (!filter.role) {
    const [rows, total] = await Promise.all([
      em.find(Account, where, { orderBy, limit: first, offset }),
      em.count(Account, where),
    ]);
    return toConnection(rows as Account[], offset, total);
  }
  // Roles are a JSON list, queried the same way on both drivers: the other conditions narrow the
  // rows in SQL, the role is matched here.
  const role = roleOfEnum(filter.role);
  const rows = ((await em.find(Account, where, { orderBy })) as Account[]).filter((a) =>
    a.roles.includes(role),
  );
  return toConnection(rows.slice(offset, offset + first), offset, rows.length);
}
