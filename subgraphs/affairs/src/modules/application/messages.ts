import { ErrorCode, fail, pick, type Locale } from '@bianmin/kit';

/** Failures every application operation shares, in one place so they read the same everywhere. */
export const failures = {
  signedOutOrNotAPerson: (locale: Locale) =>
    fail(
      ErrorCode.FORBIDDEN,
      pick(locale, { zh: '请使用本人账号登录后办理', en: 'Sign in with your personal account to apply.' }),
    ),
  notFound: (locale: Locale) =>
    fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个办件', en: 'There is no such application.' }),
      'id',
    ),
  notYours: (locale: Locale) =>
    fail(
      ErrorCode.FORBIDDEN,
      pick(locale, {
        zh: '您无权办理此办件：它既不是您本人的申请，也不属于您所在部门',
        en: 'You may not act on this application: it is neither yours nor your department’s.',
      }),
      'id',
    ),
  changedMeanwhile: (locale: Locale) =>
    fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: '此办件刚被他人处理，请刷新后查看最新状态',
        en: 'Someone else acted on this application first. Reload it to see where it stands.',
      }),
      'expectedVersion',
    ),
  catalogUnavailable: (locale: Locale) =>
    fail(
      ErrorCode.UNAVAILABLE,
      pick(locale, {
        zh: '事项目录暂时无法访问，请稍后再试',
        en: 'The service catalog is unavailable. Try again in a moment.',
      }),
    ),
  licencesUnavailable: (locale: Locale) =>
    fail(
      ErrorCode.UNAVAILABLE,
      pick(locale, {
        zh: '电子证照库暂时无法访问，请稍后再试或改为上传材料',
        en: 'The electronic licence service is unavailable. Try again later, or upload the material.',
      }),
    ),
};
