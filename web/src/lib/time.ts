/** "2026-11-29 17:28": a moment from the API (UTC) as the service centre reads it, in Beijing time. */
export function beijingTime(at: string | null | undefined): string {
  if (!at) return '—';
  const shifted = new Date(new Date(at).getTime() + 8 * 3600_000);
  return Number.isNaN(shifted.getTime()) ? '—' : shifted.toISOString().slice(0, 16).replace('T', ' ');
}

/** The day of a deadline in Beijing time: a deadline at 16:00 UTC falls on the next day there. */
export const beijingDate = (at: string | null | undefined) => beijingTime(at).slice(0, 10);
