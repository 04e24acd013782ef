/**
 * The witness process:
 *   npm run witness -w @bianmin/evidence -- --url http://127.0.0.1:4000/graphql --key '<vkey>' \
 *     --state .data/witness.json --interval 10 [--once]
 * One JSON line per round on stdout; refusals are alarms on stderr. With --once: exit 0 when the
 * checkpoint was accepted (or nothing changed), 1 when it was refused, 2 on any other failure.
 */
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { httpGraphQL, logClient } from '../client/log-client.js';
import { parseVerifierKey } from '../modules/note/signed-note.js';
import { witnessOnce, type WitnessOutcome } from './witness.js';

const USAGE = `Usage: bianmin-evidence-witness --url <graphql url> --key <verifier key> --state <file> [--interval <seconds>] [--once] [--origin <origin>]\n`;

function line(stream: NodeJS.WriteStream, record: Record<string, unknown>) {
  stream.write(`${JSON.stringify({ time: new Date().toISOString(), ...record })}\n`);
}

function report(outcome: WitnessOutcome) {
  switch (outcome.kind) {
    case 'accepted':
      return line(process.stdout, {
        level: 'info',
        event: 'witness-accepted',
        treeSize: outcome.state.treeSize,
        rootHash: outcome.state.rootHash,
        previousTreeSize: outcome.previous?.treeSize ?? null,
      });
    case 'unchanged':
      return line(process.stdout, {
        level: 'info',
        event: 'witness-unchanged',
        treeSize: outcome.state.treeSize,
      });
    case 'empty':
      return line(process.stdout, { level: 'info', event: 'witness-empty' });
    case 'refused':
      return line(process.stderr, {
        level: 'alarm',
        event: 'witness-refused',
        reason: outcome.reason,
        acceptedTreeSize: outcome.state?.treeSize ?? null,
        evidence: outcome.evidenceFile,
      });
  }
}

function parseOptions() {
  try {
    const { values } = parseArgs({
      options: {
        url: { type: 'string' },
        key: { type: 'string', multiple: true },
        state: { type: 'string' },
        interval: { type: 'string', default: '10' },
        origin: { type: 'string' },
        once: { type: 'boolean', default: false },
      },
    });
    if (!values.url || !values.key?.length || !values.state)
      throw new Error('--url, --key and --state are required');
    if (!/^\d{1,5}$/.test(values.interval) || Number(values.interval) < 1) {
      throw new Error('--interval is whole seconds, at least 1');
    }
    return {
      once: values.once,
      intervalMs: Number(values.interval) * 1000,
      witness: {
        client: logClient(httpGraphQL(values.url)),
        verifiers: values.key.map((k) => parseVerifierKey(k)),
        origin: values.origin,
        stateFile: values.state,
      },
    };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
}

const options = parseOptions();

const stop = new AbortController();
process.once('SIGINT', () => stop.abort());
process.once('SIGTERM', () => stop.abort());

while (!stop.signal.aborted) {
  let code = 0;
  try {
    const outcome = await witnessOnce(options.witness);
    report(outcome);
    if (outcome.kind === 'refused') code = 1;
  } catch (error) {
    line(process.stderr, { level: 'error', event: 'witness-error', message: (error as Error).message });
    code = 2;
  }
  if (options.once) {
    process.exitCode = code;
    break;
  }
  await sleep(options.intervalMs, undefined, { signal: stop.signal }).catch(() => undefined);
}
