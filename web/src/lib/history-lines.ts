/** An administration history entry (a matter's, a department's) as lines a person reads. No imports: jest tests this file too. */

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** What one history entry changed, a line per field ("promisedLimitDays: 10 → 8"), or its other details. */
export function historyLines(details: Record<string, unknown> | null): string[] {
  if (!details) return [];
  const changes = details.changes as Record<string, { from: unknown; to: unknown }> | undefined;
  if (changes) return Object.entries(changes).map(([field, change]) => `${field}: ${shown(change.from)} → ${shown(change.to)}`);
  return Object.entries(details)
    .filter(([field]) => field !== 'matterId' && field !== 'itemId' && field !== 'from' && field !== 'to')
    .map(([field, value]) => `${field}: ${shown(value)}`);
}
