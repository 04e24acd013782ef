import { setTimeout as delay } from 'node:timers/promises';
import autocannon, { type Instance, type Result } from 'autocannon';
import type { ReadyDraft } from './drafts.js';
import type { Platform } from './platform.js';

export interface LoadSettings {
  seconds: number;
  connections: number;
}

/** One line of the table. */
export interface Measured {
  target: string;
  rps: number;
  p50: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx responses and answers with GraphQL errors. */
  errors: number;
  /** What the responses (or the database afterwards) say was done. */
  outcome: string;
}

const figures = (result: Result, graphQLErrors: number) => ({
  rps: Math.round(result.requests.average),
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.non2xx + graphQLErrors,
});

const SUBMIT = `mutation Submit($id: ID!, $version: Int!) {
  actOnApplication(id: $id, expectedVersion: $version, action: "submit") {
    ok error { code message } application { id state version }
  }
}`;

/**
 * Submissions through the gateway: every request submits a different draft, as its owner, with
 * the version it was saved at. A response with `ok: false` is counted apart, and the SUBMITTED
 * rows are counted in the database afterwards. Should the drafts run out before the time is up,
 * the run stops there (and says so).
 */
export async function measureSubmissions(
  platform: Platform,
  drafts: ReadyDraft[],
  settings: LoadSettings,
): Promise<Measured> {
  const em = platform.orm.em.fork();
  const before = await em.count('Application', { state: 'SUBMITTED' });
  // Each connection builds its first request while autocannon starts, before `instance` exists.
  if (drafts.length <= settings.connections) throw new Error('fewer drafts than connections');
  let next = 0;
  let ranOut = false;
  const answers = { ok: 0, refused: 0, errors: 0, first: '' };
  const instance: Instance = autocannon({
    url: platform.gatewayUrl,
    method: 'POST',
    connections: settings.connections,
    duration: settings.seconds,
    headers: { 'content-type': 'application/json' },
    requests: [
      {
        setupRequest(request) {
          if (next >= drafts.length && !ranOut) {
            ranOut = true;
            instance.stop();
          }
          // Once they have run out, the last draft again: refused as CONFLICT, counted as refused.
          const draft = drafts[Math.min(next++, drafts.length - 1)]!;
          return {
            ...request,
            headers: { ...request.headers, authorization: `Bearer ${draft.token}` },
            body: JSON.stringify({ query: SUBMIT, variables: { id: draft.id, version: draft.version } }),
          };
        },
        onResponse(status, body) {
          if (status !== 200) return;
          const answer = JSON.parse(body) as {
            data?: { actOnApplication?: { ok: boolean } };
            errors?: unknown[];
          };
          if (answer.errors?.length) answers.errors += 1;
          else if (answer.data?.actOnApplication?.ok) answers.ok += 1;
          else answers.refused += 1;
          if (!answer.data?.actOnApplication?.ok) answers.first ||= body.slice(0, 300);
        },
      },
    ],
  });
  const result = await instance;
  // Requests still in flight when autocannon stops may yet commit: count once the number holds.
  let submitted = -1;
  for (let now = await em.count('Application', { state: 'SUBMITTED' }); now !== submitted;) {
    submitted = now;
    await delay(200);
    now = await em.count('Application', { state: 'SUBMITTED' });
  }
  submitted -= before;
  if (answers.first) console.warn(`  first submission not done: ${answers.first}`);
  if (ranOut)
    console.warn(`  the ${drafts.length} drafts ran out after ${result.duration} s; raise BENCH_DRAFTS`);
  return {
    target: 'submit (`actOnApplication`) through the gateway',
    ...figures(result, answers.errors),
    outcome: `${submitted} submitted in ${result.duration} s (ok: ${answers.ok}, refused: ${answers.refused})`,
  };
}

const INBOX = `query Inbox($filter: InboxFilter) {
  applicationInbox(first: 20, filter: $filter) {
    totalCount edges { node { id reference state deadline { status workingDaysLeft } } }
  }
}`;

/** The staff inbox through the gateway, as one member of staff, the same query every time. */
export async function measureInbox(
  platform: Platform,
  staffToken: string,
  filter: Record<string, unknown> | null,
  settings: LoadSettings,
): Promise<Measured> {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${staffToken}` };
  const body = JSON.stringify({ query: INBOX, variables: { filter } });
  // Look at one answer first: a benchmark of an error page would measure nothing.
  const probe = (await (await fetch(platform.gatewayUrl, { method: 'POST', headers, body })).json()) as {
    data?: { applicationInbox: { totalCount: number; edges: unknown[] } | null };
    errors?: unknown[];
  };
  const inbox = probe.data?.applicationInbox;
  if (!inbox || probe.errors?.length) throw new Error(`the inbox query failed: ${JSON.stringify(probe)}`);
  let graphQLErrors = 0;
  const result = await autocannon({
    url: platform.gatewayUrl,
    method: 'POST',
    connections: settings.connections,
    duration: settings.seconds,
    headers,
    requests: [
      {
        body,
        onResponse(status, text) {
          if (status === 200 && text.includes('"errors":')) graphQLErrors += 1;
        },
      },
    ],
  });
  return {
    target: `inbox${filter ? ` (${JSON.stringify(filter).replace(/["{}]/g, '').replace(':', ': ')})` : ''}, first 20`,
    ...figures(result, graphQLErrors),
    outcome: `totalCount ${inbox.totalCount}, ${inbox.edges.length} on the page`,
  };
}
