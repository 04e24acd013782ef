import type { EntityManager } from '@mikro-orm/core';
import { badInput, decodeCursor, pageSize, pick, toConnection, type Locale } from '@bianmin/kit';
import { likeEscape, table } from '../../db/sql.js';
import { SearchTerm, ServiceItem } from './service-item.entity.js';
import { terms } from './search-terms.js';

export const MAX_QUERY_LENGTH = 50;
/** Extra score when the item's name contains the whole query, and again when it starts with it. */
const NAME_CONTAINS_BONUS = 50;
const NAME_PREFIX_BONUS = 10;

interface Hit {
  id: string;
  score: number;
}

/**
 * Ranked search over the term index. Items whose name holds the query outrank items that merely
 * mention its words.
 */
export async function searchServiceItems(
  em: EntityManager,
  args: { query: string; first?: number | null; after?: string | null },
  locale: Locale,
) {
  const query = args.query.normalize('NFKC').trim();
  if (query.length === 0) {
    throw badInput(pick(locale, { zh: '请输入要搜索的内容', en: 'Enter something to search for.' }), 'query');
  }
  if (query.length > MAX_QUERY_LENGTH) {
    throw badInput(
      pick(locale, {
        zh: `搜索内容不能超过 ${MAX_QUERY_LENGTH} 个字`,
        en: `The search text must be at most ${MAX_QUERY_LENGTH} characters.`,
      }),
      'query',
    );
  }
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  const words = [...terms(query)];
  const conn = em.getConnection();

  // Two narrow queries, each answered from an index: term weights per item (covering index on
  // search_term), and items whose name contains the whole query (index on name). Ranking them
  // in memory is cheaper than one join that evaluates LIKE on every matching index row.
  const [weights, named] = await Promise.all([
    words.length === 0
      ? Promise.resolve([] as Array<{ id: string; score: number }>)
      : (conn.execute(
          `select item_id as id, sum(weight) as score from ${table(em, SearchTerm)}
            where term in (${words.map(() => '?').join(', ')}) group by item_id`,
          words,
        ) as Promise<Array<{ id: string; score: number }>>),
    conn.execute(`select id, name from ${table(em, ServiceItem)} where name like ? escape '\\'`, [
      `%${likeEscape(query)}%`,
    ]) as Promise<Array<{ id: string; name: string }>>,
  ]);
  const scores = new Map<string, number>(weights.map((w) => [w.id, Number(w.score)]));
  for (const { id, name } of named) {
    const bonus = NAME_CONTAINS_BONUS + (name.startsWith(query) ? NAME_PREFIX_BONUS : 0);
    scores.set(id, (scores.get(id) ?? 0) + bonus);
  }
  // Highest score first; ties by id, so every page of the same query sees one stable order.
  const ranked = [...scores].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = ranked.length;
  const hits: Hit[] = ranked.slice(offset, offset + first).map(([id, score]) => ({ id, score }));

  const found = await em.find(ServiceItem, { id: { $in: hits.map((h) => h.id) } });
  const byId = new Map(found.map((item) => [item.id, item]));
  const nodes = hits.map((h) => byId.get(h.id)).filter((item): item is ServiceItem => item !== undefined);
  return toConnection(nodes, offset, total, (node) => scores.get(node.id) ?? null);
}
