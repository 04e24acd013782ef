/** 好差评: the overall score and the four national indicators, each 1–5. */
export const SCORES = [1, 2, 3, 4, 5] as const;
export type Score = (typeof SCORES)[number];

export const RATING_INDICATORS = ['satisfaction', 'efficiency', 'guideAccuracy', 'convenience'] as const;
export type RatingIndicator = (typeof RATING_INDICATORS)[number];

export const MAX_RATING_COMMENT = 500;

export interface RatingDraft {
  score: number;
  satisfaction: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  comment: string;
}

export interface RatingInput {
  score: number;
  satisfaction: number;
  efficiency: number;
  guideAccuracy: number;
  convenience: number;
  comment?: string;
}

export const EMPTY_RATING: RatingDraft = {
  score: 0,
  satisfaction: 0,
  efficiency: 0,
  guideAccuracy: 0,
  convenience: 0,
  comment: '',
};

export function isScore(value: number): value is Score {
  return Number.isInteger(value) && value >= 1 && value <= 5;
}

/** The i18n key of a score's name: 1 非常不满意 … 5 非常满意. */
export function scoreLabelKey(score: number): string {
  return isScore(score) ? `rating.scores.${score}` : 'rating.scores.none';
}

/** 1–2 stars open a rectification task: the resident is asked (not made) to say what went wrong. */
export function commentSuggested(score: number): boolean {
  return score === 1 || score === 2;
}

export type RatingProblem = 'score' | RatingIndicator | 'comment';

/** The input for `rateApplication`, or the first field that is not ready (in form order). */
export function ratingInput(
  draft: RatingDraft,
): { ok: true; input: RatingInput } | { ok: false; problem: RatingProblem } {
  if (!isScore(draft.score)) return { ok: false, problem: 'score' };
  for (const indicator of RATING_INDICATORS) {
    if (!isScore(draft[indicator])) return { ok: false, problem: indicator };
  }
  const comment = draft.comment.trim();
  if ([...comment].length > MAX_RATING_COMMENT) return { ok: false, problem: 'comment' };
  const input: RatingInput = {
    score: draft.score,
    satisfaction: draft.satisfaction,
    efficiency: draft.efficiency,
    guideAccuracy: draft.guideAccuracy,
    convenience: draft.convenience,
  };
  if (comment) input.comment = comment;
  return { ok: true, input };
}
