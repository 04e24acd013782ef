import type { LicenceFieldSpec, LicenceFieldValue } from '../graphql/types';

/** A field of a licence as its page lists it: the type's label and kind, the licence's value. */
export interface ShownField {
  name: string;
  label: string;
  kind: string;
  value: string;
  /** The value is masked personal data (the full value is in the downloaded credential). */
  masked: boolean;
}

/**
 * The licence's own fields in the order its type lists them, labelled as the type's field specs
 * say (in the UI language); a value the type does not describe (an older type) comes last with
 * the label it carries; a field the licence has no value for is left out.
 */
export function shownFields(
  specs: readonly LicenceFieldSpec[] | undefined,
  values: readonly LicenceFieldValue[],
): ShownField[] {
  const byName = new Map(values.map((v) => [v.name, v]));
  const shown: ShownField[] = [];
  for (const spec of specs ?? []) {
    const value = byName.get(spec.name);
    if (!value) continue;
    byName.delete(spec.name);
    shown.push({
      name: spec.name,
      label: spec.label,
      kind: spec.kind,
      value: value.value,
      masked: spec.sensitive !== null && value.value.includes('*'),
    });
  }
  for (const value of byName.values()) {
    shown.push({ name: value.name, label: value.label, kind: 'TEXT', value: value.value, masked: false });
  }
  return shown;
}

/** How a value reads for its kind: a date as a date, true/false as yes/no; text as it is. */
export type FieldReading =
  { kind: 'date'; day: string } | { kind: 'boolean'; value: boolean } | { kind: 'text'; text: string };

export function readField(kind: string, value: string): FieldReading {
  if (kind === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return { kind: 'date', day: value };
  if (kind === 'BOOLEAN' && (value === 'true' || value === 'false'))
    return { kind: 'boolean', value: value === 'true' };
  return { kind: 'text', text: value };
}
