/**
 * Compose every subgraph's SDL into schema/supergraph.graphql and schema/api.graphql.
 *
 *   npx tsx schema/src/compose.ts           write both files; warn about breaking changes and gaps
 *   npx tsx schema/src/compose.ts --check   write nothing; fail on composition errors, stale files,
 *                                           unacknowledged breaking changes or missing descriptions
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  AcknowledgementError,
  committedApiSdl,
  findBreakingChanges,
  readAcknowledgements,
  unacknowledged,
  type Acknowledgement,
  type BreakingChange,
} from './breaking-changes.js';
import { composeSupergraph } from './composition.js';
import { findUndocumented } from './descriptions.js';
import { discoverSubgraphs, DiscoveryError, REPO_ROOT } from './subgraphs.js';

const check = process.argv.includes('--check');
const root = REPO_ROOT;
const files = {
  supergraph: join(root, 'schema', 'supergraph.graphql'),
  api: join(root, 'schema', 'api.graphql'),
  acknowledgements: join(root, 'schema', 'breaking-changes.json'),
};

const list = (items: string[]) => items.map((item) => `  - ${item}`).join('\n');
const showChange = (change: BreakingChange) =>
  change.path ? `${change.message}  [path: ${change.path}]` : change.message;

async function readIfExists(file: string): Promise<string | null> {
  return existsSync(file) ? readFile(file, 'utf8') : null;
}

async function main(): Promise<number> {
  let subgraphs;
  try {
    subgraphs = await discoverSubgraphs(root);
  } catch (error) {
    if (error instanceof DiscoveryError) {
      console.error(`Cannot find the subgraphs to compose:\n${list(error.problems)}`);
      return 1;
    }
    throw error;
  }
  console.log(`Composing ${subgraphs.map((s) => `${s.name} (${s.url})`).join(', ')}`);

  const outcome = composeSupergraph(subgraphs);
  if (!outcome.ok) {
    console.error(`\nComposition failed with ${outcome.errors.length} error(s):\n${list(outcome.errors)}`);
    console.error('\nFix the subgraph SDL above; nothing was written.');
    return 1;
  }
  for (const hint of outcome.hints) console.log(`hint: ${hint}`);

  const problems: string[] = [];

  // Breaking changes against the last committed public schema.
  const committed = await committedApiSdl(root);
  let acknowledgements: Acknowledgement[] = [];
  try {
    acknowledgements = await readAcknowledgements(files.acknowledgements);
  } catch (error) {
    if (!(error instanceof AcknowledgementError)) throw error;
    console.error(`\n${error.message}`);
    if (check) problems.push('schema/breaking-changes.json is not valid');
  }
  if (committed === null) {
    console.log('No schema/api.graphql in HEAD yet: nothing to compare for breaking changes.');
  } else {
    const breaking = await findBreakingChanges(committed, outcome.apiSdl);
    const open = unacknowledged(breaking, acknowledgements);
    const acknowledged = breaking.filter((change) => !open.includes(change));
    if (acknowledged.length) {
      console.log(
        `\n${acknowledged.length} breaking change(s), acknowledged in schema/breaking-changes.json:`,
      );
      console.log(list(acknowledged.map(showChange)));
    }
    if (open.length) {
      const log = check ? console.error : console.warn;
      log(
        `\n${check ? 'Error' : 'Warning'}: ${open.length} unacknowledged BREAKING change(s) against HEAD:schema/api.graphql:`,
      );
      log(list(open.map(showChange)));
      log(
        '\nClients and partners will break. Prefer an additive change (add the new field, deprecate the old one).\n' +
          'If the break is intended, record it in schema/breaking-changes.json:\n' +
          '  { "change": "<message or path as printed above>", "reason": "...", "approvedBy": "...", "date": "YYYY-MM-DD" }',
      );
      if (check) problems.push(`${open.length} unacknowledged breaking change(s)`);
    }
  }

  // Partners read the API schema as documentation.
  const undocumented = findUndocumented(outcome.apiSchema);
  if (undocumented.length) {
    const log = check ? console.error : console.warn;
    log(`\n${check ? 'Error' : 'Warning'}: ${undocumented.length} schema element(s) without a description:`);
    log(list(undocumented));
    log('Add a """description""" to each in its subgraph\'s schema.graphql.');
    if (check) problems.push(`${undocumented.length} schema element(s) without a description`);
  }

  if (check) {
    const stale: string[] = [];
    if ((await readIfExists(files.supergraph)) !== outcome.supergraphSdl)
      stale.push('schema/supergraph.graphql');
    if ((await readIfExists(files.api)) !== outcome.apiSdl) stale.push('schema/api.graphql');
    if (stale.length) {
      console.error(
        `\nError: out of date with the subgraph SDL:\n${list(stale)}\nRun \`npm run schema:compose\` and commit the result.`,
      );
      problems.push('generated files are stale');
    }
    if (problems.length) {
      console.error(`\nschema check failed: ${problems.join('; ')}.`);
      return 1;
    }
    console.log(
      '\nschema check passed: composition succeeds, files are current, no unacknowledged breaking changes.',
    );
    return 0;
  }

  for (const [file, text] of [
    [files.supergraph, outcome.supergraphSdl],
    [files.api, outcome.apiSdl],
  ] as const) {
    const name = file.slice(root.length + 1);
    if ((await readIfExists(file)) === text) console.log(`${name}: unchanged`);
    else {
      await writeFile(file, text, 'utf8');
      console.log(`${name}: written`);
    }
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
