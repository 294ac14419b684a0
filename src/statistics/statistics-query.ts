import { nextDay, startOfShanghaiDay } from '../calendar/calendar-date.js';
import { WITHDRAWN_STAGE } from '../cases/withdrawal.service.js';
import type { Grouping } from './statistics.dto.js';

/** Which cases count: a Beijing period, the departments (null: all) and the matter (null: all). */
export interface StatisticsScope {
  from: string;
  to: string;
  departmentCodes: string[] | null;
  matterId: string | null;
  groupBy: Grouping;
  byMonth: boolean;
}

/** One group (or the totals) as PostgreSQL returns it: counts are bigint strings, averages numeric strings. */
export interface RawFigures {
  key: string | null;
  name: string | null;
  month: string | null;
  is_total: boolean;
  received: string;
  accepted: string;
  refused: string;
  completed: string;
  on_time: string;
  late: string;
  average_working_days: string | null;
  p90_working_days: number | null;
  online: string;
  supplemented: string;
  ratings: string;
  average_rating: string | null;
  poor_ratings: string;
}

// Fixed column names per grouping, never taken from the request.
const GROUP_COLUMNS: Record<Grouping, { key: string; name: string }> = {
  department: { key: 'department_code', name: 'department_name' },
  matter: { key: 'matter_id::text', name: 'matter_name' },
};

/**
 * Every figure of the period in one set-based statement. Each fact is a row of `facts`, found through an index
 * on the date it happened on: a submission, an acceptance, a refusal at acceptance, a completion, a rating.
 * Working days to completion come from a running count of working days over the days of the period (and
 * back to the earliest receipt of a case completed in it), so each case costs two lookups, not a walk over
 * its days; a span touching a year whose schedule is not loaded has no figure rather than a guessed one.
 * GROUPING SETS gives the groups and the totals in the same pass, p90 included. Whether a case had a
 * supplementation notice is `IN (…)`, which PostgreSQL hashes once, not EXISTS, which it probed per case
 * (twice as slow over 100,000 acceptances, bench/statistics.bench.ts).
 */
export function statisticsSql(grouping: Grouping): string {
  const { key, name } = GROUP_COLUMNS[grouping];
  return `
    WITH scope AS (
      SELECT m.id AS matter_id, m.name AS matter_name, d.code AS department_code, d.name AS department_name
        FROM matters m JOIN departments d ON d.id = m.department_id
       WHERE ($3::text[] IS NULL OR d.code = ANY($3::text[])) AND ($4::uuid IS NULL OR m.id = $4::uuid)
    ),
    completions AS (
      SELECT c.matter_id, k.stopped_on AS day, (c.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on, k.paused_days,
             COALESCE(k.promised_deadline, k.legal_deadline) AS deadline
        FROM case_clocks k JOIN cases c ON c.id = k.case_id
       WHERE k.stopped_on BETWEEN $1::date AND $2::date AND k.accepted_on IS NOT NULL AND c.stage <> $7
    ),
    days AS (
      SELECT series.day::date AS day,
             count(*) FILTER (WHERE cd.kind = 'adjusted_working_day' OR (cd.kind IS NULL AND extract(isodow FROM series.day) < 6)) OVER (ORDER BY series.day) AS worked,
             count(*) FILTER (WHERE y.year IS NULL) OVER (ORDER BY series.day) AS unknown
        FROM generate_series((SELECT min(received_on) FROM completions), $2::date, interval '1 day') AS series(day)
        LEFT JOIN calendar_days cd ON cd.date = series.day::date
        LEFT JOIN calendar_years y ON y.year = extract(year FROM series.day)::int
    ),
    facts AS (
      SELECT c.matter_id, (c.submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS day, 'received' AS fact, c.channel = 'online' AS flag, NULL::numeric AS value
        FROM cases c WHERE c.submitted_at >= $5::timestamptz AND c.submitted_at < $6::timestamptz
      UNION ALL
      SELECT c.matter_id, k.accepted_on, 'accepted', c.id IN (SELECT n.case_id FROM supplementation_notices n), NULL
        FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.accepted_on BETWEEN $1::date AND $2::date
      UNION ALL
      SELECT c.matter_id, k.refused_on, 'refused', c.id IN (SELECT n.case_id FROM supplementation_notices n), NULL
        FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.refused_on BETWEEN $1::date AND $2::date AND k.accepted_on IS NULL
      UNION ALL
      SELECT x.matter_id, x.day, 'completed', x.day <= x.deadline,
             CASE WHEN e.unknown = r.unknown THEN GREATEST(0, e.worked - r.worked - x.paused_days) END
        FROM completions x LEFT JOIN days r ON r.day = x.received_on LEFT JOIN days e ON e.day = x.day
      UNION ALL
      SELECT c.matter_id, (r.created_at AT TIME ZONE 'Asia/Shanghai')::date, 'rated', r.level >= 4, r.level
        FROM case_ratings r JOIN cases c ON c.id = r.case_id WHERE r.created_at >= $5::timestamptz AND r.created_at < $6::timestamptz
    ),
    grouped AS (
      SELECT s.${key} AS key, s.${name} AS name, CASE WHEN $8::boolean THEN to_char(f.day, 'YYYY-MM') END AS month, f.fact, f.flag, f.value
        FROM facts f JOIN scope s USING (matter_id)
    )
    SELECT key, name, month, GROUPING(key, name, month) <> 0 AS is_total,
           count(*) FILTER (WHERE fact = 'received') AS received,
           count(*) FILTER (WHERE fact = 'accepted') AS accepted,
           count(*) FILTER (WHERE fact = 'refused') AS refused,
           count(*) FILTER (WHERE fact = 'completed') AS completed,
           count(*) FILTER (WHERE fact = 'completed' AND flag) AS on_time,
           count(*) FILTER (WHERE fact = 'completed' AND NOT flag) AS late,
           avg(value) FILTER (WHERE fact = 'completed') AS average_working_days,
           percentile_cont(0.9) WITHIN GROUP (ORDER BY value) FILTER (WHERE fact = 'completed') AS p90_working_days,
           count(*) FILTER (WHERE fact = 'received' AND flag) AS online,
           count(*) FILTER (WHERE fact IN ('accepted', 'refused') AND flag) AS supplemented,
           count(*) FILTER (WHERE fact = 'rated') AS ratings,
           avg(value) FILTER (WHERE fact = 'rated') AS average_rating,
           count(*) FILTER (WHERE fact = 'rated' AND flag) AS poor_ratings
      FROM grouped
     GROUP BY GROUPING SETS ((key, name, month), ())
     ORDER BY is_total, key, month`;
}

/** The statement's parameters, in the order of its placeholders. */
export function statisticsParameters(scope: StatisticsScope): unknown[] {
  return [
    scope.from, scope.to, scope.departmentCodes, scope.matterId,
    startOfShanghaiDay(scope.from).toISOString(), startOfShanghaiDay(nextDay(scope.to)).toISOString(),
    WITHDRAWN_STAGE.id, scope.byMonth,
  ];
}
