/** What a city is generated from; the same options always give the same city. */
export interface CityOptions {
  seed: number;
  /** How many residents (each with an account); up to 999,999. */
  residents: number;
  /** The day the city is seen on (`YYYY-MM-DD`): ages, licence dates and the applications' history lead up to it. */
  asOf: string;
  /** Generated service items, on top of the 167 hand-written ones. */
  items: number;
  /** Generated service points, on top of the 221 hand-written ones. */
  points: number;
  /** Staff accounts per department. */
  staffPerDepartment: number;
  /** Applications in the history, per resident (on average). */
  applicationsPerResident: number;
}

export const DEFAULT_CITY: CityOptions = {
  seed: 2026,
  residents: 100_000,
  asOf: '2026-11-01',
  items: 3000,
  points: 5000,
  staffPerDepartment: 20,
  applicationsPerResident: 1,
};

/** The last resident index phones and ID sequences have room for. */
export const MAX_RESIDENTS = 999_999;

/** Defaults filled in, and the numbers checked. */
export function cityOptions(
  partial: Partial<CityOptions> & { seed: number; residents: number },
): CityOptions {
  const given = Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined));
  const options = { ...DEFAULT_CITY, ...given } as CityOptions;
  const whole = (name: keyof CityOptions, min: number, max: number) => {
    const value = options[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      throw new Error(`${name} must be a whole number from ${min} to ${max}, got ${String(value)}`);
  };
  whole('seed', 0, 2 ** 32 - 1);
  whole('residents', 1, MAX_RESIDENTS);
  whole('items', 0, 100_000);
  whole('points', 0, 100_000);
  whole('staffPerDepartment', 2, 500);
  if (!(options.applicationsPerResident >= 0 && options.applicationsPerResident <= 20))
    throw new Error('applicationsPerResident must be from 0 to 20');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.asOf) || Number.isNaN(Date.parse(`${options.asOf}T00:00:00Z`)))
    throw new Error(`asOf must be a date, YYYY-MM-DD, got ${options.asOf}`);
  return options;
}

/** The moment the city is seen at: the start of `asOf` in China (UTC+08:00). */
export const asOfInstant = (options: Pick<CityOptions, 'asOf'>) => new Date(`${options.asOf}T00:00:00+08:00`);
