/** The levers with an equivalent in both gateways, so both can run with the same set. */
export const LEVERS = ['persisted', 'cache'] as const;
export type Lever = (typeof LEVERS)[number];

function levers(raw: string | undefined): Lever[] {
  if (raw === undefined || raw === '') return [...LEVERS];
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !(LEVERS as readonly string[]).includes(name));
  if (unknown.length)
    throw new Error(`BENCH_LEVERS: unknown ${unknown.join(', ')} (known: ${LEVERS.join(', ')})`);
  return LEVERS.filter((name) => names.includes(name));
}

/** The targets a run can measure, in the order they run. */
export const TARGETS = ['subgraph', 'ours', 'ours-levers', 'hive', 'hive-levers'] as const;
export type TargetName = (typeof TARGETS)[number];

/** Everything `npm run bench` can be told, from the environment (see the README's table). */
export interface BenchOptions {
  /** Seconds of closed-loop load per target. */
  seconds: number;
  /** Concurrent connections of the closed-loop load. */
  connections: number;
  /** Residents signed in for the mix (at most as many as the data has). */
  residents: number;
  /** Worker processes of each gateway (GATEWAY_WORKERS / Hive's --fork). */
  workers: number;
  targets: TargetName[];
  /** Offered rate of the overload step, as a multiple of the target's measured capacity. */
  overloadFactor: number;
  overloadSeconds: number;
  /** A request of the overload step that has no answer after this long counts as a timeout. */
  overloadTimeoutMs: number;
  /** Response-cache TTL of the runs with levers, in seconds. */
  cacheTtlSeconds: number;
  /** Which levers the "+ levers" targets of both gateways turn on (`BENCH_LEVERS`). */
  levers: Lever[];
  /** Each operation runs this many times alone to count its SQL statements. */
  sqlRepeats: number;
  /** `demo` (the demo seeds) or `city` (@bianmin/sim's synthetic city). */
  data: 'demo' | 'city';
  seed: number;
  /** Residents in the synthetic city. */
  cityResidents: number;
  /** Measure the shell's first load in Chromium (builds the web first when it is missing). */
  web: boolean;
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name}=${raw}: a number ≥ ${min} expected`);
  return value;
}

function targets(raw: string | undefined): TargetName[] {
  if (!raw) return [...TARGETS];
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(TARGETS as readonly string[]).includes(name));
  if (unknown.length)
    throw new Error(`BENCH_TARGETS: unknown ${unknown.join(', ')} (known: ${TARGETS.join(', ')})`);
  return TARGETS.filter((name) => names.includes(name));
}

export function benchOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const data = env.BENCH_DATA ?? 'city';
  if (data !== 'demo' && data !== 'city') throw new Error(`BENCH_DATA=${data}: demo or city expected`);
  const seconds = number(env, 'BENCH_SECONDS', 30, 1);
  return {
    seconds,
    connections: number(env, 'BENCH_CONNECTIONS', 16, 1),
    residents: number(env, 'BENCH_RESIDENTS', 50, 1),
    workers: number(env, 'BENCH_WORKERS', 2, 1),
    targets: targets(env.BENCH_TARGETS),
    overloadFactor: number(env, 'BENCH_OVERLOAD_FACTOR', 4, 1),
    overloadSeconds: number(env, 'BENCH_OVERLOAD_SECONDS', Math.min(seconds, 15), 1),
    overloadTimeoutMs: number(env, 'BENCH_OVERLOAD_TIMEOUT_MS', 10_000, 100),
    cacheTtlSeconds: number(env, 'BENCH_CACHE_TTL', 10, 1),
    levers: levers(env.BENCH_LEVERS),
    sqlRepeats: number(env, 'BENCH_SQL_REPEATS', 20, 1),
    data,
    seed: number(env, 'BENCH_SEED', 1),
    cityResidents: number(env, 'BENCH_CITY_RESIDENTS', 100_000, 1),
    web: (env.BENCH_WEB ?? 'on') !== 'off',
  };
}
