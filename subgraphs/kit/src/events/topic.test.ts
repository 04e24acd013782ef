import { describe, expect, it } from 'vitest';
import { assertTopic, assertTopicPattern, topicMatches } from './topic.js';

describe('topics', () => {
  it('match patterns with NATS wildcards', () => {
    expect(topicMatches('affairs.application.approved', 'affairs.application.approved')).toBe(true);
    expect(topicMatches('affairs.*.approved', 'affairs.application.approved')).toBe(true);
    expect(topicMatches('affairs.>', 'affairs.application.approved')).toBe(true);
    expect(topicMatches('affairs.>', 'affairs')).toBe(false);
    expect(topicMatches('affairs.*', 'affairs.application.approved')).toBe(false);
    expect(topicMatches('affairs.application.approved.x', 'affairs.application.approved')).toBe(false);
    expect(topicMatches('ledger.>', 'affairs.application.approved')).toBe(false);
  });

  it('refuse topics and patterns that would not be valid subjects', () => {
    expect(() => assertTopic('affairs.application.approved')).not.toThrow();
    for (const bad of ['affairs', 'Affairs.x', 'a..b', 'a.*', 'a.>', 'a b.c', '']) {
      expect(() => assertTopic(bad), bad).toThrow(/Invalid event topic/);
    }
    expect(() => assertTopicPattern('affairs.*.approved')).not.toThrow();
    expect(() => assertTopicPattern('affairs.>.x')).toThrow(/Invalid topic pattern/);
  });
});
