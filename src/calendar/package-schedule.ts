import { createRequire } from 'node:module';
import type { DayKind } from './working-day-calendar.js';

/** The shape of chinese-days' bundled data: date → "English name,中文名,statutory days". */
export interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

export interface ScheduledDay {
  date: string;
  kind: DayKind;
  name: string;
}

export interface Schedule {
  years: number[];
  days: ScheduledDay[];
}

/** "Spring Festival,春节,4" → "春节 Spring Festival", the bilingual form used across the platform. */
function nameOf(entry: string): string {
  const [english, chinese] = entry.split(',');
  return chinese ? `${chinese} ${english}` : english;
}

/** The official schedules that chinese-days bundles; a year counts as loaded when the package has any date of it. */
export function scheduleFrom(data: ChineseDaysData): Schedule {
  const days: ScheduledDay[] = [
    ...Object.entries(data.holidays).map(([date, entry]) => ({ date, kind: 'holiday' as const, name: nameOf(entry) })),
    ...Object.entries(data.workdays).map(([date, entry]) => ({ date, kind: 'adjusted_working_day' as const, name: nameOf(entry) })),
  ];
  const years = [...new Set(days.map((day) => Number(day.date.slice(0, 4))))].sort((a, b) => a - b);
  return { years, days };
}

export function packageSchedule(): Schedule {
  // Read as data, not through the package's API: our own table is the calendar, the package only seeds it.
  return scheduleFrom(createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData);
}
