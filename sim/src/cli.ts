/**
 * `npm run sim -w @bianmin/sim -- --seed 2026 --residents 100000 --data-dir <dir>` (SQLite) or
 * `… --database-url postgres://…` (PostgreSQL, key files still under --data-dir): generate the
 * city and load it, then print how long each part took and what it wrote.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCity } from './load/load-city.js';
import { timingTable } from './load/timings.js';
import { DEFAULT_CITY } from './options.js';

const USAGE = `usage: npm run sim -w @bianmin/sim -- [options]
  --seed N                 the city's seed (default ${DEFAULT_CITY.seed})
  --residents N            residents, each with an account (default ${DEFAULT_CITY.residents})
  --data-dir DIR           SQLite files and key files, as the services' DATA_DIR (default .data)
  --database-url URL       PostgreSQL instead of SQLite (a schema per domain); keys stay in --data-dir
  --as-of YYYY-MM-DD       the day the city is seen on (default ${DEFAULT_CITY.asOf})
  --items N                generated service items (default ${DEFAULT_CITY.items})
  --points N               generated service points (default ${DEFAULT_CITY.points})
  --staff-per-department N staff accounts per department (default ${DEFAULT_CITY.staffPerDepartment})
  --applications-per-resident X   (default ${DEFAULT_CITY.applicationsPerResident})
  --licences-public-url URL       the licences service's PUBLIC_URL (default http://localhost:4004)`;

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    residents: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'as-of': { type: 'string' },
    items: { type: 'string' },
    points: { type: 'string' },
    'staff-per-department': { type: 'string' },
    'applications-per-resident': { type: 'string' },
    'licences-public-url': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const number = (text: string | undefined) => (text === undefined ? undefined : Number(text));
// `npm run -w` runs in the workspace folder: a relative path means one relative to where npm was run.
const fromCaller = (path: string) => (isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? '.', path));
const dataDir = fromCaller(values['data-dir'] ?? '.data');

const result = await loadCity({
  seed: number(values.seed) ?? DEFAULT_CITY.seed,
  residents: number(values.residents) ?? DEFAULT_CITY.residents,
  asOf: values['as-of'],
  items: number(values.items),
  points: number(values.points),
  staffPerDepartment: number(values['staff-per-department']),
  applicationsPerResident: number(values['applications-per-resident']),
  dataDir,
  databaseUrl: values['database-url'],
  licencesPublicUrl: values['licences-public-url'],
  log: (line) => process.stderr.write(`  ${line}\n`),
}).catch((error: unknown) => {
  process.stderr.write(`sim: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

const where = values['database-url']
  ? `PostgreSQL ${values['database-url'].replace(/\/\/[^@]*@/, '//…@')} (keys in ${dataDir})`
  : `SQLite in ${dataDir}`;
const { facts } = result;
process.stdout.write(
  [
    '',
    `Synthetic 云湖市, seed ${facts.seed}, ${facts.residents.toLocaleString('en')} residents, as of ${facts.asOf} — ${where}`,
    '',
    timingTable(result.timings),
    '',
    `Rows: ${Object.entries(result.counts)
      .map(([what, n]) => `${what} ${n.toLocaleString('en')}`)
      .join(', ')}.`,
    `Sign in as a resident: ${facts.residentLogins[0]?.phone ?? '—'} / ${facts.residentPassword}; ` +
      `staff: ${facts.staff[0]?.phone ?? '—'} (${facts.staff[0]?.departmentCode ?? ''}) / ${facts.staffPassword} + TOTP ${facts.staff[0]?.totpSecret ?? ''}.`,
    '',
  ].join('\n'),
);
