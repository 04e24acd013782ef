/**
 * Freeze a built-in definition all the way down: it is shared by every request, so a caller that
 * mutated it by mistake would change the workflow for everyone. Copy it (structuredClone) to edit.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
