import { randomUUID } from 'node:crypto';
import { raw, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import {
  ErrorCode,
  fail,
  MAX_PAGE_SIZE,
  ok,
  pick,
  type Failure,
  type Locale,
  type Result,
} from '@bianmin/kit';
import { RuleSet } from './rule-set.entity.js';
import { DEMO_RULE_SETS } from './rule-set.seed-data.js';
import { parseRuleSet, ruleSetSpec } from './rule-spec.js';

/** The latest published version of an item's rules, or null when the item has none (no 秒批). */
export function currentRuleSet(em: EntityManager, itemCode: string): Promise<RuleSet | null> {
  return em.findOne(RuleSet, { itemCode }, { orderBy: { version: 'desc' } });
}

/**
 * The latest version of every item that has rules, by item code. Two queries however many items:
 * the highest version per item, then those rows.
 */
export async function currentRuleSets(em: EntityManager): Promise<RuleSet[]> {
  type Latest = { itemCode: string; latest: number | string };
  const latest: Latest[] = await (em as SqlEntityManager) // both drivers are SQL drivers
    .createQueryBuilder(RuleSet)
    .select(['itemCode', raw('max(version) as latest')])
    .groupBy('itemCode')
    .execute('all');
  if (latest.length === 0) return [];
  const sets = await em.find(RuleSet, {
    $or: latest.map((row: Latest) => ({ itemCode: row.itemCode, version: Number(row.latest) })),
  });
  return sets.sort((a, b) => a.itemCode.localeCompare(b.itemCode));
}

/** One version by id: what a stored explanation's `ruleSetId` points at. Null when there is none. */
export function ruleSetById(em: EntityManager, id: string): Promise<RuleSet | null> {
  return em.findOne(RuleSet, { id });
}

/**
 * An item's versions, newest first, one page at a time (`limit` 1–50), with the total count for
 * a connection.
 */
export async function ruleSetVersions(
  em: EntityManager,
  itemCode: string,
  page: { limit: number; offset?: number },
): Promise<{ ruleSets: RuleSet[]; totalCount: number }> {
  const limit = Math.min(Math.max(Math.trunc(page.limit) || 1, 1), MAX_PAGE_SIZE);
  const offset = Math.max(Math.trunc(page.offset ?? 0) || 0, 0);
  const [ruleSets, totalCount] = await em.findAndCount(
    RuleSet,
    { itemCode },
    { orderBy: { version: 'desc' }, limit, offset },
  );
  return { ruleSets, totalCount };
}

export interface PublishRuleSetInput {
  itemCode: string;
  /** The rules, as `ruleSetSpec` describes them; validated here. */
  rules: unknown;
  /** Why this version is published (修改说明), 1–200 characters. */
  note: string;
  /** The latest version the editor saw: 0 when the item had no rules yet. */
  expectedVersion: number;
}

type Published = Result<{ ruleSet: RuleSet }> | Failure;

const ITEM_CODE = /^[A-Z]{2,4}-\d{3,5}$/;

/**
 * A refusal people can read: the message says which rule (第 2 条规则) in words, and `field`
 * carries the exact path (`rules.1.params.regionCodes.1`) for a form to point at the input.
 */
function badInput(locale: Locale, field: string, zh: string, en: string): Failure {
  const rule = /^rules\.(\d+)(?:\.|$)/.exec(field);
  const where = rule
    ? { zh: `第 ${Number(rule[1]) + 1} 条规则：`, en: `Rule ${Number(rule[1]) + 1}: ` }
    : { zh: '', en: '' };
  return fail(ErrorCode.BAD_USER_INPUT, pick(locale, { zh: where.zh + zh, en: where.en + en }), field);
}

function conflict(locale: Locale, itemCode: string, latest: number | null): Failure {
  const now =
    latest === null
      ? { zh: '', en: '' }
      : { zh: `（当前为第 ${latest} 版）`, en: ` (now version ${latest})` };
  return fail(
    ErrorCode.CONFLICT,
    pick(locale, {
      zh: `事项 ${itemCode} 的秒批规则已被他人更新${now.zh}，请刷新后重试`,
      en: `Someone else published rules for ${itemCode} first${now.en}. Reload them and try again.`,
    }),
    'expectedVersion',
  );
}

/** JSON with sorted keys: PostgreSQL's jsonb reorders keys, so plain JSON.stringify cannot compare. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Publish a new version of an item's instant-approval rules. Validates everything before any
 * write (a failure names the field, e.g. `rules.2.params.years`, and writes nothing); refuses a
 * stale `expectedVersion` and an unchanged rule list; of two concurrent publishers with the same
 * `expectedVersion` exactly one wins — the unique (itemCode, version) index decides and the other
 * gets CONFLICT. It is a single INSERT: call it outside a transaction (a unique violation aborts
 * a PostgreSQL transaction).
 *
 * Authorization is the resolver's job: only administrators may publish, and `actor.accountId` is
 * recorded as the author. The item code is checked for form only; the catalog owns items, so the
 * resolver (or the admin UI, which picks from the catalog) makes sure the item exists.
 */
export async function publishRuleSet(
  em: EntityManager,
  input: PublishRuleSetInput,
  actor: { accountId: string; now?: Date },
  locale: Locale,
): Promise<Published> {
  const itemCode = typeof input?.itemCode === 'string' ? input.itemCode.trim() : '';
  if (!ITEM_CODE.test(itemCode)) {
    return badInput(locale, 'itemCode', '应为事项编码，如 MZ-011', 'The item code must look like MZ-011.');
  }
  const parsed = parseRuleSet({ rules: input.rules }, locale);
  if (!parsed.ok) {
    return badInput(locale, parsed.problem.field, parsed.problem.message, parsed.problem.message);
  }
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (note.length < 1 || [...note].length > 200) {
    return badInput(locale, 'note', '请填写 1–200 字的修改说明', 'Explain the change in 1–200 characters.');
  }
  const expectedVersion = input.expectedVersion;
  if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
    return badInput(
      locale,
      'expectedVersion',
      '应为您看到的最新版本号（尚无规则时为 0）',
      'Send the latest version you saw (0 when there were no rules).',
    );
  }
  const current = await currentRuleSet(em, itemCode);
  const latest = current?.version ?? 0;
  if (latest !== expectedVersion) return conflict(locale, itemCode, latest);
  if (current && canonical(current.rules) === canonical(parsed.ruleSet.rules)) {
    return badInput(
      locale,
      'rules',
      `与当前第 ${latest} 版相同，无需发布新版本`,
      `The rules are the same as the current version ${latest}: there is nothing to publish.`,
    );
  }
  const row = {
    id: randomUUID(),
    itemCode,
    version: latest + 1,
    rules: parsed.ruleSet.rules,
    note,
    createdBy: actor.accountId,
    createdAt: actor.now ?? new Date(),
  };
  try {
    // A plain INSERT, not em.create() + flush: versions are never updated, so nothing is tracked.
    await em.insert(RuleSet, row);
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) return conflict(locale, itemCode, null);
    throw error;
  }
  return ok({ ruleSet: await em.findOneOrFail(RuleSet, { id: row.id }) });
}

/**
 * Load the demo rule sets (version 1 of each) for items of the demo catalog that have none yet.
 * Idempotent, and safe when several instances seed at once. Returns how many it created.
 */
export async function seedRuleSets(em: EntityManager, now: Date = new Date()): Promise<{ created: number }> {
  let created = 0;
  for (const demo of DEMO_RULE_SETS) {
    if (await em.count(RuleSet, { itemCode: demo.itemCode })) continue;
    // Demo data that does not validate is a bug in this file: fail loudly.
    const { rules } = ruleSetSpec.parse({ rules: demo.rules });
    try {
      await em.insert(RuleSet, {
        id: randomUUID(),
        itemCode: demo.itemCode,
        version: 1,
        rules,
        note: demo.note,
        createdBy: 'seed',
        createdAt: now,
      });
      created += 1;
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }
  return { created };
}
