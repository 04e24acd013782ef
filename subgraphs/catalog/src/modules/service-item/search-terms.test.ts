import { describe, expect, it } from 'vitest';
import { terms, weightedTerms } from './search-terms.js';

describe('terms', () => {
  it('yields words and Han bigrams so 身份证 matches however it was segmented', () => {
    const t = terms('居民身份证换领');
    expect(t).toContain('身份');
    expect(t).toContain('份证');
    expect(t).toContain('居民');
    expect(t).not.toContain('证'); // single characters are not indexed
  });

  it('normalises Latin text and full-width characters', () => {
    expect(terms('Ｐassport Application')).toEqual(new Set(['passport', 'application']));
  });

  it('ignores punctuation and whitespace', () => {
    expect(terms('  ，。！ ')).toEqual(new Set());
  });
});

describe('weightedTerms', () => {
  it('adds the weights of every field a term appears in', () => {
    const w = weightedTerms({ name: '职工正常退休申请', summary: '办理退休手续' });
    expect(w.get('退休')).toBe(12);
    expect(w.get('手续')).toBe(2);
  });
});
