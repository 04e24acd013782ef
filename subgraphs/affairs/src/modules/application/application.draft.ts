import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result, type Viewer } from '@bianmin/kit';
import type { AffairsServices } from '../../services.js';
import { Application, type MaterialEntry } from './application.entity.js';
import { commitChange } from './application.commit.js';
import { isId } from './application.start.js';
import { failures } from './messages.js';

export interface DraftInput {
  formAnswers?: { field: string; value: string }[] | null;
  /** Material ids whose electronic licence the applicant agrees to use for this application. */
  useLicenceFor?: string[] | null;
  /** Material ids the applicant will upload instead of using a licence. */
  uploadInsteadFor?: string[] | null;
}

const MAX_ANSWERS = 50;
const FIELD = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Applications the applicant may still edit: a draft, or one sent back for correction (补正). */
const EDITABLE = ['DRAFT', 'RETURNED'];

/**
 * Save a draft's answers and the applicant's choices for licence-backed materials. Agreeing to
 * use a licence looks it up now: only a VALID licence of the right type is recorded, with the
 * time of consent; otherwise the field names the material to upload instead.
 */
export async function saveDraft(
  em: EntityManager,
  services: AffairsServices,
  viewer: Viewer,
  args: { id: string; expectedVersion: number; input: DraftInput },
  locale: Locale,
  requestId: string | null,
): Promise<Result<{ application: Application }> | Failure> {
  if (!viewer.accountId || !viewer.personId) return failures.signedOutOrNotAPerson(locale);
  const app = isId(args.id) ? ((await em.findOne(Application, { id: args.id })) as Application | null) : null;
  if (!app) return failures.notFound(locale);
  if (app.personId !== viewer.personId) return failures.notYours(locale);
  if (!EDITABLE.includes(app.state)) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, {
        zh: '此办件已提交，不能再修改',
        en: 'This application was submitted and can no longer be edited.',
      }),
      'id',
    );
  }
  if (app.version !== args.expectedVersion) return failures.changedMeanwhile(locale);

  const answers = { ...app.formAnswers };
  const given = args.input.formAnswers ?? [];
  if (given.length > MAX_ANSWERS) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: `最多 ${MAX_ANSWERS} 项`, en: `At most ${MAX_ANSWERS} answers.` }),
      'input.formAnswers',
    );
  }
  for (const [i, answer] of given.entries()) {
    if (!FIELD.test(answer.field)) {
      return fail(
        ErrorCode.BAD_USER_INPUT,
        pick(locale, { zh: '表单项名称不正确', en: 'Invalid form field name.' }),
        `input.formAnswers.${i}.field`,
      );
    }
    if ([...answer.value].length > 500 || CONTROL.test(answer.value)) {
      return fail(
        ErrorCode.BAD_USER_INPUT,
        pick(locale, { zh: '每项最多 500 个字符', en: 'Each answer has at most 500 characters.' }),
        `input.formAnswers.${i}.value`,
      );
    }
    answers[answer.field] = answer.value;
  }

  const materials: MaterialEntry[] = app.materials.map((m) => ({ ...m }));
  const byId = new Map(materials.map((m) => [m.id, m]));
  const termsById = new Map(app.terms.materials.map((m) => [m.id, m]));
  for (const [i, id] of (args.input.uploadInsteadFor ?? []).entries()) {
    const entry = byId.get(id);
    if (!entry) return unknownMaterial(locale, `input.uploadInsteadFor.${i}`);
    entry.source = 'UPLOAD';
    entry.licence = null;
  }
  const wanted = args.input.useLicenceFor ?? [];
  if (wanted.length > 0) {
    const types: string[] = [];
    for (const [i, id] of wanted.entries()) {
      const type = termsById.get(id)?.fromLicenceType;
      if (!byId.has(id)) return unknownMaterial(locale, `input.useLicenceFor.${i}`);
      if (!type) {
        return fail(
          ErrorCode.BAD_USER_INPUT,
          pick(locale, {
            zh: '这项材料没有对应的电子证照，请上传',
            en: 'No electronic licence replaces this material; upload it.',
          }),
          `input.useLicenceFor.${i}`,
        );
      }
      types.push(type);
    }
    const lookup = await services.licences.licencesOf(viewer, types);
    if (!lookup.ok) return failures.licencesUnavailable(locale);
    const at = new Date(services.now()).toISOString();
    for (const [i, id] of wanted.entries()) {
      const type = termsById.get(id)!.fromLicenceType!;
      const licence = lookup.licences.find((l) => l.typeCode === type && l.status === 'VALID');
      if (!licence) {
        return fail(
          ErrorCode.BAD_USER_INPUT,
          pick(locale, {
            zh: `您没有有效的「${termsById.get(id)!.name}」电子证照，请上传这项材料`,
            en: `You hold no valid electronic licence for “${termsById.get(id)!.name}”; upload it instead.`,
          }),
          `input.useLicenceFor.${i}`,
        );
      }
      const entry = byId.get(id)!;
      entry.source = 'LICENCE';
      entry.licence = { licenceId: licence.licenceId, typeCode: type, consentedAt: at };
    }
  }

  const now = new Date(services.now());
  const saved = await commitChange(em, app, { formAnswers: answers, materials }, [], now, requestId);
  if (!saved) return failures.changedMeanwhile(locale);
  return ok({ application: (await em.fork().findOneOrFail(Application, { id: app.id })) as Application });
}

const unknownMaterial = (locale: Locale, field: string) =>
  fail(
    ErrorCode.BAD_USER_INPUT,
    pick(locale, { zh: '没有这项材料', en: 'There is no such material.' }),
    field,
  );
