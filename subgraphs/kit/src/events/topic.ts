/**
 * Topics are dot-separated lower-case tokens, `<domain>.<aggregate>.<what happened>`
 * (`affairs.application.approved`); they become NATS subjects under the stream's prefix.
 */
const TOPIC = /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/;
/** A pattern may use NATS wildcards: `*` for one token, a final `>` for one or more. */
const PATTERN_TOKEN = /^([a-z0-9_-]+|\*)$/;

export function assertTopic(topic: string): void {
  if (topic.length > 200 || !TOPIC.test(topic)) {
    throw new Error(`Invalid event topic "${topic}": use dot-separated lower-case tokens such as a.b.c`);
  }
}

export function assertTopicPattern(pattern: string): void {
  const tokens = pattern.split('.');
  const ok = tokens.every((t, i) => PATTERN_TOKEN.test(t) || (t === '>' && i === tokens.length - 1));
  if (!ok) throw new Error(`Invalid topic pattern "${pattern}": tokens, '*' for one token, a final '>'`);
}

/** NATS subject matching: `affairs.*.approved` and `affairs.>` both match `affairs.application.approved`. */
export function topicMatches(pattern: string, topic: string): boolean {
  const want = pattern.split('.');
  const have = topic.split('.');
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '>') return have.length > i;
    if (i >= have.length) return false;
    if (want[i] !== '*' && want[i] !== have[i]) return false;
  }
  return want.length === have.length;
}

/** Durable names become JetStream consumer names: no dots, spaces or wildcards. */
export function assertDurableName(name: string): void {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(name)) {
    throw new Error(`Invalid durable name "${name}": letters, digits, '_' and '-' only`);
  }
}
