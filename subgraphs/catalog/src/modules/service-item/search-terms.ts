/**
 * Chinese-aware tokenisation for the catalog's own search index. Chinese has no spaces, and a
 * dictionary segmenter splits 身份证 as 身份|证, so each text yields both the segmenter's words and
 * every pair of adjacent Han characters (bigrams). A query matches on the same terms, which makes
 * recall independent of how the segmenter happened to cut either side. Works the same on SQLite
 * and PostgreSQL because the index is a plain table.
 */
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const HAN_RUN = /\p{Script=Han}+/gu;
export const MAX_TERM_LENGTH = 64;

export function terms(text: string): Set<string> {
  const out = new Set<string>();
  const normalized = text.normalize('NFKC').toLowerCase();
  for (const { segment, isWordLike } of segmenter.segment(normalized)) {
    if (!isWordLike) continue;
    const word = segment.trim();
    // Single Han characters are too common to rank by; Latin words of one letter likewise.
    if (word.length >= 2 && word.length <= MAX_TERM_LENGTH) out.add(word);
  }
  for (const run of normalized.match(HAN_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  }
  return out;
}

/** How much a term found in each part of a guide counts. The name dominates. */
export const FIELD_WEIGHTS = {
  name: 10,
  nameEn: 8,
  keywords: 6,
  lifeEvents: 3,
  department: 2,
  summary: 2,
  eligibility: 1,
  materials: 1,
  faq: 0.5,
} as const;
export type IndexedField = keyof typeof FIELD_WEIGHTS;

/** term → weight for one item: the sum of the weights of the fields the term appears in. */
export function weightedTerms(fields: Partial<Record<IndexedField, string>>): Map<string, number> {
  const weights = new Map<string, number>();
  for (const [field, text] of Object.entries(fields) as Array<[IndexedField, string | undefined]>) {
    if (!text) continue;
    for (const term of terms(text)) weights.set(term, (weights.get(term) ?? 0) + FIELD_WEIGHTS[field]);
  }
  return weights;
}
