import { describe, expect, it } from 'vitest';
import { createAffairsI18n } from '../i18n/i18n';
import { commentSuggested, EMPTY_RATING, ratingInput, scoreLabelKey, SCORES } from './rating';

describe('rating labels', () => {
  const zh = createAffairsI18n('zh-CN').t;
  const en = createAffairsI18n('en').t;

  it('names every score in both languages', () => {
    expect(SCORES.map((s) => zh(scoreLabelKey(s)))).toEqual([
      '非常不满意',
      '不满意',
      '基本满意',
      '满意',
      '非常满意',
    ]);
    expect(SCORES.map((s) => en(scoreLabelKey(s)))).toEqual([
      'Very dissatisfied',
      'Dissatisfied',
      'Fair',
      'Satisfied',
      'Very satisfied',
    ]);
  });

  it('asks for a comment with one or two stars only', () => {
    expect(SCORES.filter(commentSuggested)).toEqual([1, 2]);
  });
});

describe('ratingInput', () => {
  const full = { score: 2, satisfaction: 2, efficiency: 1, guideAccuracy: 3, convenience: 2, comment: '  ' };

  it('names the first missing part, in form order', () => {
    expect(ratingInput(EMPTY_RATING)).toEqual({ ok: false, problem: 'score' });
    expect(ratingInput({ ...full, efficiency: 0 })).toEqual({ ok: false, problem: 'efficiency' });
    expect(ratingInput({ ...full, convenience: 6 })).toEqual({ ok: false, problem: 'convenience' });
  });

  it('leaves out an empty comment and trims a given one', () => {
    expect(ratingInput(full)).toEqual({
      ok: true,
      input: { score: 2, satisfaction: 2, efficiency: 1, guideAccuracy: 3, convenience: 2 },
    });
    const withComment = ratingInput({ ...full, comment: ' 窗口排队太久 ' });
    expect(withComment.ok && withComment.input.comment).toBe('窗口排队太久');
  });

  it('refuses a comment over 500 characters', () => {
    expect(ratingInput({ ...full, comment: '慢'.repeat(501) })).toEqual({ ok: false, problem: 'comment' });
    expect(ratingInput({ ...full, comment: '慢'.repeat(500) }).ok).toBe(true);
  });
});
