import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, pick, type Failure, type Locale } from '@bianmin/kit';
import { CaseFile } from './case-file.entity.js';

/** A closed case still allows reveals this long after it closed: staff finish the paperwork. */
export const CLOSED_CASE_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The case a CASE_HANDLING reveal names, by application id or by 办件编号, if it allows this
 * member of staff to see this person's data: it exists, it is this person's application, it is
 * handled by the staff member's own department, and it is open or closed for at most
 * CLOSED_CASE_GRACE_DAYS. One message covers "not this person's" and "not your department", so
 * the refusal never tells whose case it is.
 */
export async function caseAllowingReveal(
  em: EntityManager,
  args: { reference: string; personId: string; departmentCode: string | null; now: number },
  locale: Locale,
): Promise<CaseFile | Failure> {
  // References are upper case (YH20261129A7K3Q2); people type them in either case.
  const candidates = await em.find(
    CaseFile,
    { $or: [{ applicationId: args.reference }, { reference: args.reference.toUpperCase() }] },
    { limit: 2 },
  );
  const found = candidates.find((c) => c.applicationId === args.reference) ?? candidates[0];
  if (!found) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '找不到该办件，请核对办件编号（刚提交的办件可能需要片刻才能查到）',
        en: 'There is no case with this reference. Check it (a case submitted just now may take a moment to appear).',
      }),
      'purpose.reference',
    );
  }
  if (
    found.personId !== args.personId ||
    !args.departmentCode ||
    found.departmentCode !== args.departmentCode
  ) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '该办件不属于您所在部门，或不是此人的办件',
        en: "This case is not handled by your department, or is not this person's case.",
      }),
      'purpose.reference',
    );
  }
  if (!found.open && args.now - found.updatedAt.getTime() > CLOSED_CASE_GRACE_DAYS * DAY_MS) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: `该办件已结束超过 ${CLOSED_CASE_GRACE_DAYS} 天，不能再据此查看个人信息`,
        en: `This case closed more than ${CLOSED_CASE_GRACE_DAYS} days ago, so it no longer allows revealing personal data.`,
      }),
      'purpose.reference',
    );
  }
  return found;
}
