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
 * mention its words; ties break by code so pages are stable.
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
      pick(locale, { zh: `搜索内容不能超过 ${MAX_QUERY_LENGTH} 个字`, en: `The search text must be at most ${MAX_QUERY_LENGTH} characters.` }),
      'query',
    );
  }
  const first = pageSize(args.first);
  const offset = decodeCursor(args.after);
  const words = [...terms(query)];
  const like = `%${likeEscape(query)}%`;
  const prefix = `${likeEscape(query)}%`;
  const items = table(em, ServiceItem);
  const conn = em.getConnection();

  let hits: Hit[];
  let total: number;
  if (words.length === 0) {
    // A single character (e.g. 证) has no index terms: match names directly.
    const rows: Array<{ id: string; score: number }> = await conn.execute(
      `select i.id, (case when i.name like ? escape '\\' then ${NAME_PREFIX_BONUS} else 0 end) + ${NAME_CONTAINS_BONUS} as score
         from ${items} i where i.name like ? escape '\\'
        order by score desc, i.code asc limit ? offset ?`,
      [prefix, like, first, offset],
    );
    hits = rows.map((r) => ({ id: r.id, score: Number(r.score) }));
    const [count]: Array<{ n: number }> = await conn.execute(`select count(*) as n from ${items} i where i.name like ? escape '\\'`, [like]);
    total = Number(count?.n ?? 0);
  } else {
    const placeholders = words.map(() => '?').join(', ');
    const rows: Array<{ id: string; score: number }> = await conn.execute(
      `select i.id,
              sum(t.weight)
              + max(case when i.name like ? escape '\\' then ${NAME_CONTAINS_BONUS} else 0 end)
              + max(case when i.name like ? escape '\\' then ${NAME_PREFIX_BONUS} else 0 end) as score
         from ${table(em, SearchTerm)} t join ${items} i on i.id = t.item_id
        where t.term in (${placeholders})
        group by i.id, i.code
        order by score desc, i.code asc
        limit ? offset ?`,
      [like, prefix, ...words, first, offset],
    );
    hits = rows.map((r) => ({ id: r.id, score: Number(r.score) }));
    const [count]: Array<{ n: number }> = await conn.execute(
      `select count(distinct t.item_id) as n from ${table(em, SearchTerm)} t where t.term in (${placeholders})`,
      words,
    );
    total = Number(count?.n ?? 0);
  }

  const found = await em.find(ServiceItem, { id: { $in: hits.map((h) => h.id) } });
  const byId = new Map(found.map((item) => [item.id, item]));
  const nodes = hits.map((h) => byId.get(h.id)).filter((item): item is ServiceItem => item !== undefined);
  const scores = new Map(hits.map((h) => [h.id, h.score]));
  return toConnection(nodes, offset, total, (node) => scores.get(node.id) ?? null);
}
