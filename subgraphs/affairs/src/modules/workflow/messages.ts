import { ErrorCode, fail, pick, type Failure, type Locale, type Message } from '@bianmin/kit';
import type { ExtensionRefusal, InputProblem, Refusal } from './engine.js';
import { actorLabel, describeAction, stateLabel } from './labels.js';
import {
  COMMENT_MAX,
  MATERIAL_REASONS_MAX,
  REASON_MAX,
  type Actor,
  type WorkflowSpec,
} from './workflow-spec.js';

const list = (items: string[], locale: Locale) => items.join(locale === 'en' ? ', ' : '、');
const actors = (all: readonly Actor[], locale: Locale) =>
  all.map((a) => actorLabel(a, locale)).join(locale === 'en' ? ' or ' : '或');
const nth = (index: number | undefined): Message =>
  index === undefined ? { zh: '', en: '' } : { zh: `第 ${index + 1} 项`, en: ` (entry ${index + 1})` };

function commentProblem(problem: InputProblem, action: string): Message {
  switch (problem) {
    case 'REQUIRED':
      return { zh: `「${action}」需要填写意见`, en: `“${action}” needs a comment.` };
    case 'NOT_EXPECTED':
      return { zh: `「${action}」不填写意见`, en: `“${action}” takes no comment.` };
    case 'TOO_LONG':
      return {
        zh: `意见最多 ${COMMENT_MAX} 字`,
        en: `The comment may be at most ${COMMENT_MAX} characters.`,
      };
    case 'CONTROL_CHARACTERS':
      return { zh: '意见含有不可见的控制字符', en: 'The comment contains control characters.' };
    default:
      return { zh: '意见格式不正确', en: 'The comment is not valid text.' };
  }
}

function reasonsProblem(problem: InputProblem, action: string, index: number | undefined): Message {
  const at = nth(index);
  switch (problem) {
    case 'REQUIRED':
      return index === undefined
        ? {
            zh: `「${action}」需要逐项列明需补正的材料及原因`,
            en: `“${action}” needs each material to correct, with a reason.`,
          }
        : { zh: `${at.zh}补正材料的原因不能为空`, en: `The reason must not be empty${at.en}.` };
    case 'NOT_EXPECTED':
      return { zh: `「${action}」不涉及补正材料`, en: `“${action}” does not send materials back.` };
    case 'TOO_MANY':
      return {
        zh: `一次最多列出 ${MATERIAL_REASONS_MAX} 项补正材料`,
        en: `At most ${MATERIAL_REASONS_MAX} materials can be sent back at once.`,
      };
    case 'TOO_LONG':
      return {
        zh: `${at.zh}补正原因最多 ${REASON_MAX} 字`,
        en: `A reason may be at most ${REASON_MAX} characters${at.en}.`,
      };
    case 'CONTROL_CHARACTERS':
      return {
        zh: `${at.zh}补正原因含有控制字符或换行`,
        en: `The reason contains control characters${at.en}.`,
      };
    case 'DUPLICATE':
      return {
        zh: `${at.zh}补正材料与前面重复，每项材料只需列一次`,
        en: `A material is listed twice${at.en}; list each material once.`,
      };
    case 'UNKNOWN_MATERIAL':
      return {
        zh: `${at.zh}补正材料不属于本办件`,
        en: `The material is not one of this application’s${at.en}.`,
      };
    default:
      return { zh: `${at.zh}补正材料的格式不正确`, en: `The material entry is not valid${at.en}.` };
  }
}

/**
 * A refusal in words for the person who asked, naming what they can do instead, e.g.
 * 当前状态「已受理」下不能执行「办结」，可执行：开始审查、补正告知、挂起.
 */
export function refusalMessage(spec: WorkflowSpec, refusal: Refusal, locale: Locale): string {
  const action = describeAction(spec, refusal.action, locale);
  switch (refusal.code) {
    case 'INVALID_TRANSITION': {
      const state = stateLabel(spec, refusal.state, locale);
      const allowed = refusal.allowed.map((a) => describeAction(spec, a, locale));
      const known = Object.hasOwn(spec.actions, refusal.action);
      const head: Message = known
        ? {
            zh: `当前状态「${state}」下不能执行「${action}」`,
            en: `“${action}” is not possible while the application is “${state}”.`,
          }
        : { zh: `没有「${refusal.action}」这项操作`, en: `There is no action “${refusal.action}”.` };
      const tail: Message = allowed.length
        ? { zh: `，可执行：${list(allowed, locale)}`, en: ` You can: ${list(allowed, locale)}.` }
        : { zh: '，当前没有您可执行的操作', en: ' There is nothing you can do at this point.' };
      return pick(locale, { zh: head.zh + tail.zh, en: `${head.en}${tail.en}` });
    }
    case 'FORBIDDEN':
      return pick(locale, {
        zh: `「${action}」只能由${actors(refusal.allowedActors, 'zh-CN')}执行`,
        en: `“${action}” can only be done by ${actors(refusal.allowedActors, 'en')}.`,
      });
    case 'BAD_USER_INPUT':
      return pick(
        locale,
        refusal.field === 'comment'
          ? commentProblem(refusal.problem, action)
          : reasonsProblem(refusal.problem, action, refusal.index),
      );
  }
}

/**
 * A refusal as the result a mutation returns: FORBIDDEN and BAD_USER_INPUT as they are; an invalid
 * transition as CONFLICT (the request does not fit the application's current state), with the
 * field that caused it (`materialReasons.2` for one reason).
 */
export function refusalFailure(spec: WorkflowSpec, refusal: Refusal, locale: Locale): Failure {
  const message = refusalMessage(spec, refusal, locale);
  switch (refusal.code) {
    case 'INVALID_TRANSITION':
      return fail(ErrorCode.CONFLICT, message, 'action');
    case 'FORBIDDEN':
      return fail(ErrorCode.FORBIDDEN, message, 'action');
    case 'BAD_USER_INPUT':
      return fail(
        ErrorCode.BAD_USER_INPUT,
        message,
        refusal.index === undefined ? refusal.field : `${refusal.field}.${refusal.index}`,
      );
  }
}

const REASON_PROBLEMS: Partial<Record<InputProblem | 'OUT_OF_RANGE', Message>> = {
  REQUIRED: { zh: '请填写延期理由', en: 'Give a reason for the extension.' },
  TOO_LONG: {
    zh: `延期理由最多 ${COMMENT_MAX} 字`,
    en: `The reason may be at most ${COMMENT_MAX} characters.`,
  },
  CONTROL_CHARACTERS: { zh: '延期理由含有不可见的控制字符', en: 'The reason contains control characters.' },
  INVALID: { zh: '延期理由格式不正确', en: 'The reason is not valid text.' },
};

/** A refused 延期 in words, and as the result a mutation returns. */
export function extensionRefusalMessage(
  spec: WorkflowSpec,
  refusal: ExtensionRefusal,
  locale: Locale,
): { message: string; failure: Failure } {
  const max = refusal.code === 'FORBIDDEN' ? spec.extension.maxWorkingDays : refusal.maxWorkingDays;
  let message: Message;
  let code: ErrorCode;
  let field: string;
  if (refusal.code === 'FORBIDDEN') {
    message = {
      zh: `延期只能由${actors(refusal.allowedActors, 'zh-CN')}批准`,
      en: `Only ${actors(refusal.allowedActors, 'en')} can approve an extension.`,
    };
    code = ErrorCode.FORBIDDEN;
    field = 'id';
  } else if (refusal.code === 'NOT_EXTENDABLE') {
    message =
      refusal.why === 'ALREADY_EXTENDED'
        ? {
            zh: '每个办件只能延期一次，此办件已延期',
            en: 'An application can be extended only once, and this one has been.',
          }
        : {
            zh: '只有已受理、尚未办结的办件可以延期',
            en: 'Only an application that has been accepted and not yet decided can be extended.',
          };
    code = ErrorCode.CONFLICT;
    field = 'id';
  } else if (refusal.field === 'workingDays') {
    message = {
      zh: `延期天数须为 1 至 ${max} 个工作日`,
      en: `An extension must be between 1 and ${max} working days.`,
    };
    code = ErrorCode.BAD_USER_INPUT;
    field = 'workingDays';
  } else {
    message = REASON_PROBLEMS[refusal.problem] ?? REASON_PROBLEMS.INVALID!;
    code = ErrorCode.BAD_USER_INPUT;
    field = 'reason';
  }
  const text = pick(locale, message);
  return { message: text, failure: fail(code, text, field) };
}
