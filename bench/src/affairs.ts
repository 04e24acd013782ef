/**
 * `npm run bench:affairs`: applications through the gateway, on SQLite and on PostgreSQL —
 * how many submissions per second the platform takes, and the staff inbox's latency with
 * 100,000 applications in the database. Loopback only, bounded in time; prints a table and
 * writes it to bench/results/. Figures, not assertions: nothing here fails on a slow run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createLogger, type Driver } from '@bianmin/kit';
import { insertApplications } from './affairs/applications.js';
import { prepareDrafts } from './affairs/drafts.js';
import { measureInbox, measureSubmissions, type Measured } from './affairs/load.js';
import { startPlatform } from './affairs/platform.js';

const settings = {
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 16),
};
const DRIVERS = (process.env.BENCH_DRIVERS ?? 'sqlite,postgresql')
  .split(',')
  .map((d) => d.trim()) as Driver[];
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 100_000);
// More than the platform can submit in the time: every request submits a draft of its own.
const DRAFTS = Number(process.env.BENCH_DRAFTS ?? 250 * settings.seconds);
/** 婚姻登记记录证明: one required material an electronic licence replaces, no instant-approval rules. */
const ITEM_CODE = 'MZ-004';
const MZ_STAFF = {
  accountId: '00000000-0000-4000-8000-00000000be01',
  personId: '00000000-0000-4000-8000-00000000be02',
  roles: ['department-staff'],
  department: 'MZ',
  mfa: true,
};
const log = createLogger('bench', 'warn');

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
// On a shared machine, other work skews the figures: the load average says whether there was any.
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
const loadBefore = load();
const rows: (Measured & { driver: Driver })[] = [];
const setup: string[] = [];

for (const driver of DRIVERS) {
  const name = driver === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  console.log(`${name}: starting catalog, affairs and the gateway…`);
  let since = Date.now();
  const platform = await startPlatform(driver, log);
  const startedIn = seconds(since);
  try {
    since = Date.now();
    const drafts = await prepareDrafts(platform, ITEM_CODE, DRAFTS);
    const draftsIn = seconds(since);
    console.log(`${name}: ${drafts.length} drafts in ${draftsIn}; submitting…`);
    rows.push({ driver, ...(await measureSubmissions(platform, drafts, settings)) });

    const present = await platform.orm.em.fork().count('Application', {});
    since = Date.now();
    await insertApplications(platform, Math.max(0, APPLICATIONS - present));
    const total = await platform.orm.em.fork().count('Application', {});
    const mz = await platform.orm.em.fork().count('Application', { departmentCode: 'MZ' });
    const loadedIn = seconds(since);
    console.log(`${name}: ${total} applications (${mz} of MZ) after a bulk insert of ${loadedIn}; inbox…`);
    const staffToken = await platform.token(MZ_STAFF);
    rows.push({ driver, ...(await measureInbox(platform, staffToken, null, settings)) });
    rows.push({ driver, ...(await measureInbox(platform, staffToken, { overdueOnly: true }, settings)) });
    setup.push(
      `${name}: platform started in ${startedIn}, ${drafts.length} drafts made in ${draftsIn}, ` +
        `${total - present} applications inserted in ${loadedIn}${driver === 'postgresql' ? ' with VACUUM ANALYZE' : ''} ` +
        `(${total} in all, ${mz} of MZ).`,
    );
  } finally {
    await platform.stop();
  }
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const table = [
  `## Affairs: submissions and the staff inbox through the gateway (${new Date().toISOString().slice(0, 10)})`,
  '',
  `Machine: ${machine}; load average (1 / 5 / 15 min) ${loadBefore} before, ${load()} after. ` +
    `${settings.connections} connections, ${settings.seconds} s per target. ` +
    `Submissions of ${ITEM_CODE}, one draft per request; the inbox as 民政局 (MZ) staff with ` +
    `${APPLICATIONS.toLocaleString('en')} applications in the database. "submitted" counts the rows ` +
    `after the run; "ok" the answers received before the time was up (requests still in flight then ` +
    `may have been submitted without being counted).`,
  '',
  ...setup.map((line) => `- ${line}`),
  '',
  '| driver | target | req/s | p50 ms | p99 ms | errors | outcome |',
  '| --- | --- | ---: | ---: | ---: | ---: | --- |',
  ...rows.map(
    (r) =>
      `| ${r.driver === 'sqlite' ? 'SQLite' : 'PostgreSQL'} | ${r.target} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.outcome} |`,
  ),
  '',
].join('\n');
console.log(table);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL(`../results/affairs-${new Date().toISOString().replace(/[:.]/g, '-')}.md`, import.meta.url),
  table,
);
