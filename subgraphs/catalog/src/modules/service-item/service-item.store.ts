import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result, type Viewer } from '@bianmin/kit';
import { Department } from '../department/department.entity.js';
import { LifeEvent } from '../life-event/life-event.entity.js';
import { linkItemToPoints } from '../service-point/service-point.links.js';
import { ServiceItem, ServiceItemLifeEvent, ServiceItemVersion } from './service-item.entity.js';
import { loadIndexLookups, reindexItem } from './service-item.index.js';
import { serviceItemInput, type ServiceItemInput } from './service-item.input.js';

type Saved = Result<{ serviceItem: ServiceItem }> | Failure;

function fieldsOf(input: ServiceItemInput) {
  const { lifeEvents: _lifeEvents, ...fields } = input;
  return {
    ...fields,
    fee: {
      free: input.fee.free,
      amountYuan: input.fee.amountYuan ?? null,
      basis: input.fee.basis ?? null,
      note: input.fee.note ?? null,
    },
    materials: input.materials.map((m) => ({ ...m, fromLicenceType: m.fromLicenceType ?? null })),
    channelTags: `,${input.channels.join(',')},`,
  };
}

/**
 * The department whose items this editor may change: staff edit only their own department's items
 * (the `catalog-editor` role alone is not enough). An account without a department may edit nothing.
 */
function editorDepartment(viewer: Viewer, locale: Locale): string | Failure {
  if (viewer.department) return viewer.department;
  return fail(
    ErrorCode.FORBIDDEN,
    pick(locale, {
      zh: '您的账号未关联部门，不能编辑事项',
      en: 'Your account does not belong to a department, so it cannot edit service items.',
    }),
  );
}

function otherDepartment(department: string, locale: Locale, field: string): Failure {
  return fail(
    ErrorCode.FORBIDDEN,
    pick(locale, {
      zh: `只能创建和编辑本部门（${department}）的事项`,
      en: `You may only create and edit service items of your own department (${department}).`,
    }),
    field,
  );
}

/**
 * Check the input, that it stays in the editor's department, and the codes it refers to; returns
 * the parsed input or a failure naming the field. Reads only: nothing is written before it passes.
 */
async function validate(
  em: EntityManager,
  raw: unknown,
  department: string,
  locale: Locale,
): Promise<ServiceItemInput | Failure> {
  const parsed = serviceItemInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: `字段 ${field} 不正确：${issue.message}`, en: `${field} ${issue.message}` }),
      field,
    );
  }
  const input = parsed.data;
  // Before any lookup, so another department's editor learns nothing from the database.
  if (input.departmentCode !== department) return otherDepartment(department, locale, 'departmentCode');
  if (!(await em.findOne(Department, { code: input.departmentCode }))) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, {
        zh: `没有代码为 ${input.departmentCode} 的部门`,
        en: `There is no department ${input.departmentCode}.`,
      }),
      'departmentCode',
    );
  }
  const known = await em.find(LifeEvent, { code: { $in: input.lifeEvents } });
  const missing = input.lifeEvents.find((c) => !known.some((k) => k.code === c));
  if (missing) {
    return fail(
      ErrorCode.BAD_USER_INPUT,
      pick(locale, { zh: `没有代码为 ${missing} 的人生事件`, en: `There is no life event ${missing}.` }),
      'lifeEvents',
    );
  }
  return input;
}

async function writeLinks(em: EntityManager, item: ServiceItem, lifeEvents: string[]) {
  await em.nativeDelete(ServiceItemLifeEvent, { itemId: item.id });
  if (lifeEvents.length) {
    await em.insertMany(
      ServiceItemLifeEvent,
      [...new Set(lifeEvents)].map((lifeEventCode) => ({ itemId: item.id, lifeEventCode })),
    );
  }
  await reindexItem(em, item, lifeEvents, await loadIndexLookups(em));
  await linkItemToPoints(em, item);
}

/** Create a guide in the editor's own department. */
export async function createServiceItem(
  em: EntityManager,
  viewer: Viewer,
  raw: unknown,
  locale: Locale,
): Promise<Saved> {
  const department = editorDepartment(viewer, locale);
  if (typeof department !== 'string') return department;
  const input = await validate(em, raw, department, locale);
  if ('ok' in input) return input;
  if (await em.findOne(ServiceItem, { code: input.code })) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: `事项编码 ${input.code} 已存在`, en: `The code ${input.code} is already used.` }),
      'code',
    );
  }
  const now = new Date();
  // A plain row, not em.create(): the insert below is the only write (no second flush of the same entity).
  const item = {
    id: randomUUID(),
    ...fieldsOf(input),
    version: 1,
    createdAt: now,
    updatedAt: now,
  } as ServiceItem;
  try {
    await em.transactional(async (tx) => {
      await tx.insert(ServiceItem, item);
      await writeLinks(tx, item, input.lifeEvents);
    });
  } catch (error) {
    // Two creators racing for one code: the unique index decides.
    if (/unique|duplicate/i.test(String(error))) {
      return fail(
        ErrorCode.CONFLICT,
        pick(locale, { zh: `事项编码 ${input.code} 已存在`, en: `The code ${input.code} is already used.` }),
        'code',
      );
    }
    throw error;
  }
  return ok({ serviceItem: (await em.fork().findOneOrFail(ServiceItem, { id: item.id })) as ServiceItem });
}

/**
 * Edit a guide of the editor's own department; it stays in that department. The previous version
 * is kept; `expectedVersion` is an optimistic lock checked in the UPDATE itself, so of two
 * concurrent editors exactly one wins.
 */
export async function updateServiceItem(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  expectedVersion: number,
  raw: unknown,
  locale: Locale,
): Promise<Saved> {
  const department = editorDepartment(viewer, locale);
  if (typeof department !== 'string') return department;
  const current = await em.fork().findOne(ServiceItem, { id });
  // NOT_FOUND before FORBIDDEN: items are public (serviceItem(id) tells anyone whether an id
  // exists and whose it is), so the order reveals nothing new and helps an editor with a bad id.
  if (!current)
    return fail(
      ErrorCode.NOT_FOUND,
      pick(locale, { zh: '没有这个事项', en: 'There is no such service item.' }),
      'id',
    );
  // Before the input is looked at: another department's item gets the same answer whatever is sent.
  if (current.departmentCode !== department) return otherDepartment(department, locale, 'id');
  const input = await validate(em, raw, department, locale);
  if ('ok' in input) return input;
  if (input.code !== current.code && (await em.fork().findOne(ServiceItem, { code: input.code }))) {
    return fail(
      ErrorCode.CONFLICT,
      pick(locale, { zh: `事项编码 ${input.code} 已存在`, en: `The code ${input.code} is already used.` }),
      'code',
    );
  }
  const conflict = fail(
    ErrorCode.CONFLICT,
    pick(locale, {
      zh: '该事项已被他人修改，请刷新后重试',
      en: 'Someone else changed this item first. Reload it and try again.',
    }),
    'expectedVersion',
  );
  if (current.version !== expectedVersion) return conflict;
  const now = new Date();
  const won = await em.transactional(async (tx) => {
    // The department is in the WHERE too, so the check above and the write cannot disagree.
    const changed = await tx.nativeUpdate(
      ServiceItem,
      { id, version: expectedVersion, departmentCode: department },
      { ...fieldsOf(input), version: expectedVersion + 1, updatedAt: now },
    );
    if (changed !== 1) return false;
    const { id: _id, ...snapshot } = current;
    await tx.insert(ServiceItemVersion, {
      itemId: id,
      version: expectedVersion,
      snapshot: snapshot as Record<string, unknown>,
      replacedAt: now,
    });
    const updated = await tx.findOneOrFail(ServiceItem, { id }, { refresh: true });
    await writeLinks(tx, updated as ServiceItem, input.lifeEvents);
    return true;
  });
  if (!won) return conflict;
  return ok({ serviceItem: (await em.fork().findOneOrFail(ServiceItem, { id })) as ServiceItem });
}
