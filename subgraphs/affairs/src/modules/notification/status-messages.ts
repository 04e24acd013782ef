import type { Application } from '../application/application.entity.js';

type Text = { zh: string; en: string };

/**
 * What the applicant is told, in their inbox, when a step changes their application. Steps the
 * applicant takes themselves (submit, withdraw, resubmit) and internal ones (claim, review
 * started) tell them nothing new, except a submission approved at once.
 */
export function statusMessage(
  action: string,
  app: Pick<Application, 'reference' | 'terms'>,
  comment: string | null,
): { title: Text; body: Text } | null {
  const item = app.terms.name;
  const ref = app.reference;
  const why = comment ? { zh: `说明：${comment}`, en: `Note: ${comment}` } : { zh: '', en: '' };
  const make = (zhTitle: string, enTitle: string, zh: string, en: string) => ({
    title: { zh: zhTitle, en: enTitle },
    body: { zh: `${zh}${why.zh ? ` ${why.zh}` : ''}`, en: `${en}${why.en ? ` ${why.en}` : ''}` },
  });
  switch (action) {
    case 'autoApprove':
      return make(
        '申请已秒批通过',
        'Approved at once',
        `您的「${item}」申请（${ref}）已通过系统自动审批。`,
        `Your application for “${item}” (${ref}) was approved at once.`,
      );
    case 'accept':
      return make(
        '申请已受理',
        'Application accepted',
        `您的「${item}」申请（${ref}）已受理，办理时限开始计算。`,
        `Your application for “${item}” (${ref}) was accepted; the time limit runs from now.`,
      );
    case 'notAccept':
      return make(
        '申请不予受理',
        'Application not accepted',
        `您的「${item}」申请（${ref}）不予受理。`,
        `Your application for “${item}” (${ref}) was not accepted.`,
      );
    case 'requestCorrection':
      return make(
        '请补正材料',
        'Corrections needed',
        `您的「${item}」申请（${ref}）需要补正材料，请查看每项材料的说明后重新提交。`,
        `Your application for “${item}” (${ref}) needs corrections: see the note on each material, then resubmit.`,
      );
    case 'suspend':
      return make(
        '办理暂停',
        'Handling paused',
        `您的「${item}」申请（${ref}）暂停办理，暂停期间不计入办理时限。`,
        `Handling of your application for “${item}” (${ref}) is paused; the pause does not count towards the time limit.`,
      );
    case 'resume':
      return make(
        '恢复办理',
        'Handling resumed',
        `您的「${item}」申请（${ref}）已恢复办理。`,
        `Handling of your application for “${item}” (${ref}) has resumed.`,
      );
    case 'approveExtension':
      return make(
        '办理时限延长',
        'Time limit extended',
        `您的「${item}」申请（${ref}）的办理时限已依法延长。`,
        `The time limit of your application for “${item}” (${ref}) was extended.`,
      );
    case 'approve':
      return make(
        '审批通过',
        'Approved',
        `您的「${item}」申请（${ref}）已审批通过。`,
        `Your application for “${item}” (${ref}) was approved.`,
      );
    case 'reject':
      return make(
        '审批未通过',
        'Not approved',
        `您的「${item}」申请（${ref}）未通过审批。`,
        `Your application for “${item}” (${ref}) was not approved.`,
      );
    case 'complete':
      return make(
        '已办结',
        'Completed',
        `您的「${item}」申请（${ref}）已办结，欢迎评价本次服务。`,
        `Your application for “${item}” (${ref}) is complete. Please rate the service.`,
      );
    default:
      return null;
  }
}
