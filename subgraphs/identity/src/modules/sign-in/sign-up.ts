import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, pick, type Locale, type Logger, type Message } from '@bianmin/kit';
import { z } from 'zod';
import { currentRequestInfo } from '../../http/request-info.js';
import { newAccount } from '../account/new-account.js';
import type { IdentityServices } from '../../services.js';
import { Account } from '../account/account.entity.js';
import { CURRENT_POLICY_VERSION, insertConsents, SIGN_UP_CONSENTS } from '../consent/consent.service.js';
import { normalizePhone, normalizeUsername } from '../account/login.js';
import { checkPassword, PASSWORD_MESSAGES } from '../password/password-policy.js';
import { QueueFullError } from '../password/semaphore.js';
import { deletedIdMarker } from '../deletion/deleted-id-marker.js';
import { ID_NUMBER_MESSAGES, ID_TYPES, validateIdNumber } from '../person/id-number.js';
import { Person } from '../person/person.entity.js';
import { startSession } from '../session/session.service.js';
import { authFailure, authSession, busy, rateLimited, type AuthResult } from './auth-result.js';
import { Attempt, throttleKey } from './throttle.js';

const optionalText = (max: number) =>
  z
    .string()
    .max(max * 2)
    .nullish()
    .transform((v) => (v == null || v.trim() === '' ? null : v.trim()));

/** The shape of SignUpInput; values are checked further (and normalised) below. */
const signUpShape = z.object({
  name: z.string(),
  idType: z
    .enum(ID_TYPES)
    .nullish()
    .transform((v) => v ?? 'RESIDENT_ID_CARD'),
  idNumber: z.string().max(64),
  phone: z.string().max(32),
  password: z.string(),
  username: optionalText(32),
  address: optionalText(200),
  communityCode: optionalText(20),
  dateOfBirth: optionalText(10),
});

const NAME_PATTERN = /^[\p{L}\p{M}][\p{L}\p{M}·•．. '-]*$/u;

const bad = (locale: Locale, message: Message, field: string) =>
  authFailure(ErrorCode.BAD_USER_INPUT, pick(locale, message), field);
const conflict = (locale: Locale, message: Message, field: string) =>
  authFailure(ErrorCode.CONFLICT, pick(locale, message), field);

const TAKEN: Record<'phone' | 'username' | 'idNumber', Message> = {
  phone: {
    zh: '该手机号已注册，请直接登录',
    en: 'This phone number is already registered. Sign in instead.',
  },
  username: { zh: '该用户名已被使用', en: 'This username is taken.' },
  idNumber: {
    zh: '该证件已注册账号，如非本人操作请联系客服',
    en: 'An account already exists for this document. If it was not you, contact the service desk.',
  },
};

/** An account for this document was deleted; its marker is kept for the legal retention period. */
const DELETED_DOCUMENT: Message = {
  zh: '该证件对应的账号已注销，在法定保存期内不能重新注册，请携带证件到服务窗口办理',
  en: 'The account for this document was deleted and cannot be registered again during the legal retention period. Visit a service counter with the document.',
};

/** Which field a unique-constraint violation is about, from the constraint's name. */
function takenField(error: unknown): 'phone' | 'username' | 'idNumber' | null {
  const text = String(error);
  if (!/unique|duplicate/i.test(text)) return null;
  if (/account_phone_unique|account\.phone/i.test(text)) return 'phone';
  if (/account_username_unique|account\.username/i.test(text)) return 'username';
  if (/person_id_type_id_number_unique|person\.id_type/i.test(text)) return 'idNumber';
  return null;
}

/**
 * Resident self-registration. Everything is checked before anything is written; the person, the
 * account and the consents that signing up gives (terms and personal-data processing, at the
 * policy version in force) are written in one transaction, and the unique indexes settle races.
 */
export async function signUp(
  em: EntityManager,
  services: IdentityServices,
  raw: unknown,
  locale: Locale,
  log: Logger,
  requestId = 'sign-up',
): Promise<AuthResult> {
  const parsed = signUpShape.safeParse(raw);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'input');
    return bad(locale, { zh: `${field} 格式不正确`, en: `${field} is not valid.` }, field);
  }
  const input = parsed.data;
  const name = input.name.trim();
  if ([...name].length < 1 || [...name].length > 50 || !NAME_PATTERN.test(name)) {
    return bad(
      locale,
      { zh: '请填写证件上的姓名（1–50 个字）', en: 'Enter your name as on the document (1–50 characters).' },
      'name',
    );
  }
  const id = validateIdNumber(input.idType, input.idNumber, new Date(services.now()));
  if (!id.ok) return bad(locale, ID_NUMBER_MESSAGES[id.problem], 'idNumber');
  let dateOfBirth = id.dateOfBirth;
  if (input.dateOfBirth) {
    const valid =
      /^\d{4}-\d{2}-\d{2}$/.test(input.dateOfBirth) &&
      new Date(`${input.dateOfBirth}T00:00:00Z`).toISOString().startsWith(input.dateOfBirth);
    if (!valid || (dateOfBirth && dateOfBirth !== input.dateOfBirth)) {
      return bad(
        locale,
        {
          zh: '出生日期格式应为 YYYY-MM-DD，且须与身份证号一致',
          en: 'The date of birth must be YYYY-MM-DD and match the ID number.',
        },
        'dateOfBirth',
      );
    }
    dateOfBirth ??= input.dateOfBirth;
  }
  const phone = normalizePhone(input.phone);
  if (!phone) {
    return bad(
      locale,
      { zh: '请填写 11 位大陆手机号', en: 'Enter an 11-digit mainland mobile number.' },
      'phone',
    );
  }
  const username = input.username === null ? null : normalizeUsername(input.username);
  if (input.username !== null && !username) {
    return bad(
      locale,
      {
        zh: '用户名为 4–32 位字母、数字、_ . -，以字母开头',
        en: 'A username has 4–32 letters, digits, _ . or -, and starts with a letter.',
      },
      'username',
    );
  }
  if (input.address !== null && [...input.address].length > 200) {
    return bad(
      locale,
      { zh: '地址最多 200 个字', en: 'The address can have at most 200 characters.' },
      'address',
    );
  }
  if (input.communityCode !== null && !/^\d{14}$/.test(input.communityCode)) {
    return bad(
      locale,
      { zh: '社区代码应为 14 位数字', en: 'A community code has 14 digits.' },
      'communityCode',
    );
  }
  const problem = checkPassword(input.password, { phone, username });
  if (problem) return bad(locale, PASSWORD_MESSAGES[problem], 'password');

  // Each sign-up costs a hash and can probe which phones are registered: limit it per client IP.
  const request = currentRequestInfo();
  if (request.ipSource === 'forwarded' && request.ip) {
    const attempt = await Attempt.take([
      { throttle: services.throttles.signUpIp, key: throttleKey('sign-up', request.ip) },
    ]);
    if (attempt.refusedForMs !== null) return rateLimited(locale, attempt.refusedForMs);
  }

  if (await em.findOne(Account, { phone })) return conflict(locale, TAKEN.phone, 'phone');
  if (username && (await em.findOne(Account, { username })))
    return conflict(locale, TAKEN.username, 'username');
  if (await em.findOne(Person, { idType: input.idType, idNumber: id.idNumber }))
    return conflict(locale, TAKEN.idNumber, 'idNumber');
  const marker = deletedIdMarker(services.secretBox, input.idType, id.idNumber);
  if (await em.findOne(Person, { idType: input.idType, idNumber: marker }))
    return conflict(locale, DELETED_DOCUMENT, 'idNumber');

  let passwordHash: string;
  try {
    passwordHash = await services.hasher.hash(input.password);
  } catch (error) {
    if (error instanceof QueueFullError) return busy(locale);
    throw error;
  }
  const at = new Date(services.now());
  const person: Person = {
    id: randomUUID(),
    name,
    idType: input.idType,
    idNumber: id.idNumber,
    phone,
    address: input.address,
    dateOfBirth,
    communityCode: input.communityCode,
    createdAt: at,
    updatedAt: at,
    anonymisedAt: null,
  };
  const account = newAccount({
    username,
    phone,
    passwordHash,
    roles: ['resident'],
    departmentCode: null,
    personId: person.id,
    at,
  });

  try {
    await em.transactional(async (tx) => {
      await tx.insert(Person, person);
      await tx.insert(Account, account);
      await insertConsents(
        tx,
        { accountId: account.id, personId: person.id },
        SIGN_UP_CONSENTS,
        CURRENT_POLICY_VERSION,
        requestId,
        at,
      );
    });
  } catch (error) {
    const field = takenField(error);
    if (field) return conflict(locale, TAKEN[field], field);
    throw error;
  }
  log.info({ event: 'signed-up', accountId: account.id }, 'resident registered');
  return authSession(await startSession(em, services, account, { kind: 'FULL', mfa: false }));
}
