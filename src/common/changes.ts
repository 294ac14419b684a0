// Key order does not make a change: objects are compared with their keys sorted.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );

/** The fields whose value an edit changes, each with its value before and after. */
export function changesOf<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changed = (Object.keys(after) as (keyof T & string)[]).filter((key) => canonical(before[key]) !== canonical(after[key]));
  return Object.fromEntries(changed.map((key) => [key, { from: before[key], to: after[key] }]));
}
