/**
 * The offline verifier for the evidence log:
 *   npm run verify -w @bianmin/evidence -- <command> [options]      (or: npx bianmin-evidence-verify)
 * `fetch …` downloads what to check from a GraphQL URL; `inclusion` and `consistency` check it
 * offline against the log's verifier key. Exit 0: verified; 1: not verified (or fetch failed);
 * 2: wrong usage.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { httpGraphQL, logClient, LogClientError } from '../client/log-client.js';
import { parseCheckpointText } from '../modules/note/signed-note.js';
import {
  VerificationError,
  verifiersFrom,
  verifyCheckpointConsistency,
  verifyEntryInclusion,
} from '../modules/verification/offline.js';

const USAGE = `Usage: bianmin-evidence-verify <command> [options]

Verify offline (nothing is fetched; exit 0 = verified, 1 = not verified):
  inclusion   --checkpoint <note.txt> --entry <entry.json> --key <verifier key> [--origin <origin>]
              The entry (an evidenceEntry answer) is in the tree the signed checkpoint commits to.
  consistency --old <old-note.txt> --new <new-note.txt> --proof <proof.json> --key <verifier key> [--origin <origin>]
              The newer checkpoint's tree extends the older one's (an evidenceConsistency answer).

Fetch the files to verify from the log's GraphQL API (the gateway, or the evidence subgraph):
  fetch checkpoint  --url <graphql url> [--out note.txt]
  fetch entry       --url <graphql url> --index <n> [--tree-size <n> | --checkpoint <note.txt>] [--out entry.json]
  fetch consistency --url <graphql url> --from <size> --to <size> [--out proof.json]
  fetch keys        --url <graphql url>
                    (get the verifier key from a source you trust, not only from the log itself)

--key may be given more than once (the current and retired keys of the log).
`;

class UsageError extends Error {}

type Values = Record<string, string | string[] | boolean | undefined>;

function required(values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

function integer(values: Values, name: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value))
    throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new VerificationError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function readJson(path: string): unknown {
  const text = readText(path);
  try {
    const value = JSON.parse(text) as unknown;
    // Accept a raw GraphQL answer too: { "data": { "evidenceEntry": { … } } }.
    const data = (value as { data?: Record<string, unknown> } | null)?.data;
    if (data && typeof data === 'object') {
      const inner = Object.values(data)[0];
      if (inner && typeof inner === 'object') return inner;
    }
    return value;
  } catch {
    throw new VerificationError(`${path} is not JSON`);
  }
}

const keysOf = (values: Values) => {
  const keys = values.key;
  const list = Array.isArray(keys) ? keys : typeof keys === 'string' ? [keys] : [];
  if (list.length === 0) throw new UsageError('--key is required (the log verifier key, name+id+key)');
  return list;
};

const origin = (values: Values) => (typeof values.origin === 'string' ? values.origin : undefined);

function output(text: string, out: unknown): string {
  if (typeof out === 'string' && out !== '') {
    writeFileSync(out, text);
    return `wrote ${out}\n`;
  }
  return text;
}

const OPTIONS = {
  checkpoint: { type: 'string' },
  entry: { type: 'string' },
  key: { type: 'string', multiple: true },
  origin: { type: 'string' },
  old: { type: 'string' },
  new: { type: 'string' },
  proof: { type: 'string' },
  url: { type: 'string' },
  out: { type: 'string' },
  index: { type: 'string' },
  'tree-size': { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Run one command; returns the exit code and what to print. */
async function runVerifyCli(
  argv: readonly string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
    const [command, what] = positionals;
    if (values.help || !command)
      return { code: command ? 0 : 2, stdout: values.help ? USAGE : '', stderr: values.help ? '' : USAGE };
    if (command === 'inclusion') {
      const result = verifyEntryInclusion({
        note: readText(required(values, 'checkpoint')),
        verifiers: verifiersFrom(keysOf(values)),
        entry: readJson(required(values, 'entry')),
        origin: origin(values),
      });
      const { checkpoint, index, entry } = result;
      return {
        code: 0,
        stdout:
          `OK: entry ${index} (${String(entry.type)}, ${String(entry.occurredAt)}) is in the log ${checkpoint.origin}\n` +
          `    at tree size ${checkpoint.treeSize}, root ${checkpoint.rootHash.toString('hex')}, signed by the given key.\n`,
        stderr: '',
      };
    }
    if (command === 'consistency') {
      const result = verifyCheckpointConsistency({
        oldNote: readText(required(values, 'old')),
        newNote: readText(required(values, 'new')),
        verifiers: verifiersFrom(keysOf(values)),
        proof: readJson(required(values, 'proof')),
        origin: origin(values),
      });
      return {
        code: 0,
        stdout:
          `OK: the log ${result.new.origin} at tree size ${result.new.treeSize} extends its tree at size ${result.old.treeSize};\n` +
          `    both checkpoints are signed by the given key.\n`,
        stderr: '',
      };
    }
    if (command === 'fetch') {
      const client = logClient(httpGraphQL(required(values, 'url')));
      if (what === 'checkpoint') {
        const checkpoint = await client.checkpoint();
        if (!checkpoint) throw new VerificationError('the log has not signed a checkpoint yet');
        return { code: 0, stdout: output(checkpoint.signedNote, values.out), stderr: '' };
      }
      if (what === 'entry') {
        const index = integer(values, 'index');
        if (index === undefined) throw new UsageError('--index is required');
        let treeSize = integer(values, 'tree-size');
        if (treeSize === undefined && typeof values.checkpoint === 'string') {
          // The size of the checkpoint the entry will be checked against (read, not yet verified).
          const note = readText(values.checkpoint);
          treeSize = parseCheckpointText(note.slice(0, note.lastIndexOf('\n\n') + 1)).treeSize;
        }
        const entry = await client.entry(index, treeSize);
        return { code: 0, stdout: output(`${JSON.stringify(entry, null, 2)}\n`, values.out), stderr: '' };
      }
      if (what === 'consistency') {
        const from = integer(values, 'from');
        const to = integer(values, 'to');
        if (from === undefined || to === undefined) throw new UsageError('--from and --to are required');
        const proof = await client.consistency(from, to);
        return { code: 0, stdout: output(`${JSON.stringify(proof, null, 2)}\n`, values.out), stderr: '' };
      }
      if (what === 'keys') {
        return { code: 0, stdout: `${JSON.stringify(await client.keys(), null, 2)}\n`, stderr: '' };
      }
      throw new UsageError(`fetch what? checkpoint, entry, consistency or keys (not "${what ?? ''}")`);
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof VerificationError)
      return { code: 1, stdout: '', stderr: `FAILED: ${error.message}\n` };
    if (error instanceof LogClientError)
      return { code: 1, stdout: '', stderr: `FAILED to fetch: ${error.message}\n` };
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      return { code: 2, stdout: '', stderr: `${(error as Error).message}\n\n${USAGE}` };
    }
    throw error;
  }
}

const { code, stdout, stderr } = await runVerifyCli(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
