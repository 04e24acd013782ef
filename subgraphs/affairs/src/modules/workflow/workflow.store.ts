import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import { ErrorCode, fail, ok, pick, type Failure, type Locale, type Result } from '@bianmin/kit';
import { standardWorkflow } from './definitions/standard.js';
import { twoLevelReviewWorkflow } from './definitions/two-level-review.js';
import { WorkflowDefinition } from './workflow-definition.entity.js';
import { parseSpec, type SpecProblem, type WorkflowSpec } from './workflow-spec.js';

/** The definitions every installation starts with, as version 1 of their codes. */
export const BUILT_IN_DEFINITIONS: readonly WorkflowSpec[] = [standardWorkflow, twoLevelReviewWorkflow];

const isUniqueViolation = (error: unknown) => error instanceof UniqueConstraintViolationException;

/**
 * Insert version 1 of each built-in definition whose code has no version 1 yet; returns the codes
 * inserted. Safe to run on every start and from several instances at once (the unique index turns
 * a race into a no-op). Call it outside a transaction: a lost race is a failed statement.
 */
export async function seedWorkflowDefinitions(em: EntityManager, now: Date = new Date()): Promise<string[]> {
  const inserted: string[] = [];
  for (const spec of BUILT_IN_DEFINITIONS) {
    const fork = em.fork();
    if (await fork.findOne(WorkflowDefinition, { code: spec.code, version: 1 })) continue;
    try {
      await fork.insert(WorkflowDefinition, {
        id: randomUUID(),
        code: spec.code,
        version: 1,
        spec: structuredClone({ ...spec, version: 1 }),
        createdAt: now,
      });
      inserted.push(spec.code);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return inserted;
}

/** The newest version of the definition `code`, or null if there is none. New applications start on it. */
export async function latestDefinition(em: EntityManager, code: string): Promise<WorkflowDefinition | null> {
  return (await em.findOne(
    WorkflowDefinition,
    { code },
    { orderBy: { version: 'desc' } },
  )) as WorkflowDefinition | null;
}

/**
 * The exact definition version `id`, or null. Applications store this id, so a later version never
 * changes how a running application proceeds.
 */
export async function definitionById(em: EntityManager, id: string): Promise<WorkflowDefinition | null> {
  return (await em.findOne(WorkflowDefinition, { id })) as WorkflowDefinition | null;
}

/** Definitions by id in one query, in the order asked (null where unknown): the batch for a DataLoader. */
export async function definitionsByIds(
  em: EntityManager,
  ids: readonly string[],
): Promise<(WorkflowDefinition | null)[]> {
  const rows = (await em.find(WorkflowDefinition, {
    id: { $in: [...new Set(ids)] },
  })) as WorkflowDefinition[];
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

export type Published = Result<{ definition: WorkflowDefinition }> | (Failure & { problems: SpecProblem[] });

/**
 * Publish a definition as the next version of its code (version 1 for a new code). The spec's own
 * `version` is ignored: the store assigns latest + 1. Invalid specs are refused with every problem
 * found (BAD_USER_INPUT, the first one as the message); of concurrent publishes of one code that
 * read the same latest version, the unique index lets one win and the others get CONFLICT. The
 * caller checks the publisher is an administrator; running applications keep their version.
 */
export async function publishDefinition(
  em: EntityManager,
  raw: unknown,
  locale: Locale = 'zh-CN',
  now: Date = new Date(),
): Promise<Published> {
  // Any version will do for validation: the real one is assigned below.
  const candidate = raw && typeof raw === 'object' && !Array.isArray(raw) ? { ...raw, version: 1 } : raw;
  const parsed = parseSpec(candidate);
  if (!parsed.ok) {
    const [first, ...more] = parsed.problems;
    const extra = more.length
      ? { zh: `（另有 ${more.length} 处问题）`, en: ` (and ${more.length} more)` }
      : null;
    const message = pick(locale, {
      zh: `流程定义有误：${first!.message.zh}${extra?.zh ?? ''}`,
      en: `The workflow definition is not valid: ${first!.message.en}${extra?.en ?? ''}`,
    });
    return { ...fail(ErrorCode.BAD_USER_INPUT, message, first!.path || 'spec'), problems: parsed.problems };
  }
  const latest = await latestDefinition(em.fork(), parsed.spec.code);
  const version = (latest?.version ?? 0) + 1;
  const definition = {
    id: randomUUID(),
    code: parsed.spec.code,
    version,
    spec: { ...parsed.spec, version },
    createdAt: now,
  } as WorkflowDefinition;
  try {
    await em.fork().insert(WorkflowDefinition, definition);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return {
      ...fail(
        ErrorCode.CONFLICT,
        pick(locale, {
          zh: `流程 ${parsed.spec.code} 的第 ${version} 版刚被他人发布，请查看最新版本后重试`,
          en: `Someone else just published version ${version} of ${parsed.spec.code}. Look at the latest version and try again.`,
        }),
        'code',
      ),
      problems: [],
    };
  }
  return ok({ definition });
}
