/**
 * Turns GET /api/statistics into what the charts and the table draw. No imports: jest tests this file too.
 * The answer's shape is src/statistics/statistics-figures.ts's, restated because importing it would bring the
 * server's entities into the browser build's type check.
 */
export interface StatisticsFigures {
  received: number;
  accepted: number;
  refused: number;
  completed: number;
  onTime: number;
  late: number;
  averageWorkingDays: number | null;
  p90WorkingDays: number | null;
  onlineShare: number | null;
  supplementationRate: number | null;
  ratings: number;
  averageRating: number | null;
  poorRatings: number;
}

export interface StatisticsRow extends StatisticsFigures {
  key: string;
  name: string;
  month: string | null;
}

export interface StatisticsAnswer {
  from: string;
  to: string;
  groupBy: 'department' | 'matter';
  rows: StatisticsRow[];
  totals: StatisticsFigures;
}

export interface StatisticsQuery {
  from: string;
  to: string;
  groupBy: 'department' | 'matter';
  byMonth: boolean;
  department?: string;
  matterId?: string;
}

export function statisticsQuery(query: StatisticsQuery): string {
  const params = new URLSearchParams({ from: query.from, to: query.to, groupBy: query.groupBy, byMonth: String(query.byMonth) });
  if (query.department) params.set('department', query.department);
  if (query.matterId) params.set('matterId', query.matterId);
  return params.toString();
}

/** Bars per department or matter: the counts side by side; rows of several months are added up per key. */
export function volumeSeries(rows: StatisticsRow[]): { name: string; received: number; completed: number; onTime: number; late: number }[] {
  const byKey = new Map<string, { name: string; received: number; completed: number; onTime: number; late: number }>();
  for (const row of rows) {
    const entry = byKey.get(row.key) ?? { name: row.name, received: 0, completed: 0, onTime: 0, late: 0 };
    entry.received += row.received;
    entry.completed += row.completed;
    entry.onTime += row.onTime;
    entry.late += row.late;
    byKey.set(row.key, entry);
  }
  return [...byKey.values()];
}

/** One line per department or matter over the months: { month, [name]: received }, months in order, a missing month as 0. */
export function monthlySeries(rows: StatisticsRow[], figure: 'received' | 'completed' = 'received'): { months: Record<string, number | string>[]; names: string[] } {
  const names = [...new Set(rows.filter((row) => row.month).map((row) => row.name))];
  const months = [...new Set(rows.map((row) => row.month).filter((month): month is string => Boolean(month)))].sort();
  return {
    names,
    months: months.map((month) => {
      const point: Record<string, number | string> = { month };
      for (const name of names) point[name] = rows.filter((row) => row.month === month && row.name === name).reduce((sum, row) => sum + row[figure], 0);
      return point;
    }),
  };
}

/** 0.8333 → "83.3%"; no value → "—". */
export function percent(share: number | null | undefined): string {
  return share === null || share === undefined ? '—' : `${(share * 100).toFixed(1)}%`;
}

/** The on-time rate of finished cases, which the totals do not carry themselves. */
export function onTimeRate(figures: Pick<StatisticsFigures, 'onTime' | 'late'>): number | null {
  const finished = figures.onTime + figures.late;
  return finished === 0 ? null : figures.onTime / finished;
}
