/** How long one part of the load took, and what it wrote. */
export interface PartTiming {
  part: string;
  ms: number;
  /** e.g. "100,000 people, 100,000 accounts". */
  wrote: string;
}

/** 290277 → "290,277". */
export const count = (value: number) => value.toLocaleString('en');

/** Times each part in turn and says so as it goes. */
export class Timings {
  readonly parts: PartTiming[] = [];
  private readonly started = performance.now();

  constructor(private readonly log: (line: string) => void) {}

  async time<T>(
    part: string,
    run: () => Promise<T> | T,
    wrote: (result: T) => string = () => '',
  ): Promise<T> {
    this.log(`${part}…`);
    const since = performance.now();
    const result = await run();
    const timing = { part, ms: performance.now() - since, wrote: wrote(result) };
    this.parts.push(timing);
    this.log(`${part}: ${(timing.ms / 1000).toFixed(1)} s${timing.wrote ? ` (${timing.wrote})` : ''}`);
    return result;
  }

  /** Every part, then the total. */
  all(): PartTiming[] {
    return [...this.parts, { part: 'total', ms: performance.now() - this.started, wrote: '' }];
  }
}

/** The timings as a small markdown table. */
export function timingTable(parts: readonly PartTiming[]): string {
  const rows = parts.map((p) => `| ${p.part} | ${(p.ms / 1000).toFixed(1)} | ${p.wrote} |`);
  return ['| part | seconds | rows written |', '| --- | ---: | --- |', ...rows].join('\n');
}
