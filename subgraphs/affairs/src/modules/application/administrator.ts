import { ErrorCode, fail, pick, type Failure, type Locale, type Viewer } from '@bianmin/kit';

/**
 * Administrators change the calendar and the rules: the role (kit checked it from the SDL), not
 * also auditor (separation of duties), and a session that passed the second factor.
 */
export function requireAdministrator(viewer: Viewer, locale: Locale): Failure | null {
  if (!viewer.accountId || !viewer.roles.includes('administrator') || viewer.roles.includes('auditor')) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, { zh: '只有管理员可以修改', en: 'Only administrators may change this.' }),
    );
  }
  if (!viewer.mfa) {
    return fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '此操作需要通过双因素认证的登录',
        en: 'This needs a sign-in with a second factor.',
      }),
    );
  }
  return null;
}
