import type { RawFigures } from './statistics-query.js';
import type { Grouping } from './statistics.dto.js';

/** What is counted for a group, a month of it, or the whole period (README, "Statistics (统计分析)"). */
export interface Figures {
  received: number;
  accepted: number;
  refused: number;
  completed: number;
  onTime: number;
  late: number;
  averageWorkingDays: number | null;
  p90WorkingDays: number | null;
  /** 0..1 of the cases received. */
  onlineShare: number | null;
  /** 0..1 of the cases accepted or refused at acceptance. */
  supplementationRate: number | null;
  ratings: number;
  /** 1 is the best (GB/T 39046 A.8). */
  averageRating: number | null;
  poorRatings: number;
}

export interface StatisticsRow extends Figures {
  /** The department's code, or the matter's id. */
  key: string;
  name: string;
  /** 'YYYY-MM' when split by month. */
  month: string | null;
}

export interface StatisticsReport {
  from: string;
  to: string;
  groupBy: Grouping;
  rows: StatisticsRow[];
  totals: Figures;
}

/** Rounded for display and export, so that the same figure is the same number everywhere: days and levels to 2 places, shares to 4. */
export const round = (value: number, places: number): number => Math.round(value * 10 ** places) / 10 ** places;

/** part / whole, or null when there is nothing to take a share of. */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole, 4));

const optional = (value: string | number | null, places: number): number | null => (value === null ? null : round(Number(value), places));

export function figuresOf(raw: RawFigures): Figures {
  const count = (value: string) => Number(value);
  const accepted = count(raw.accepted);
  const refused = count(raw.refused);
  const received = count(raw.received);
  return {
    received, accepted, refused,
    completed: count(raw.completed),
    onTime: count(raw.on_time),
    late: count(raw.late),
    averageWorkingDays: optional(raw.average_working_days, 2),
    p90WorkingDays: optional(raw.p90_working_days, 2),
    onlineShare: share(count(raw.online), received),
    supplementationRate: share(count(raw.supplemented), accepted + refused),
    ratings: count(raw.ratings),
    averageRating: optional(raw.average_rating, 2),
    poorRatings: count(raw.poor_ratings),
  };
}
