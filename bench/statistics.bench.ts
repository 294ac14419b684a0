/**
 * `npm run bench:statistics`: how long GET /api/statistics and its exports take over a large generated set of
 * cases, in server mode. The cases are written by SQL straight into the tables the statistics read (cases,
 * case_clocks, case_ratings, audit_entries), spread over two years of the demo centre's matters; driving them
 * through the API would take hours. See bench/README.md.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { cleanups, publish, runBenchmark, serverModeServices } from './harness.js';
import { statisticsParameters, statisticsSql } from '../src/statistics/statistics-query.js';
import { type Client, deploy, type Deployment, download, loginAs, newApplicant } from '../test/support/tongban.js';

const CASES = Number(process.env.BENCH_CASES ?? 200_000);
const RUNS = 5;
const PERIOD = 'from=2026-01-01&to=2026-12-31';
const REQUESTS = [
  `/api/statistics?${PERIOD}`,
  `/api/statistics?${PERIOD}&groupBy=matter&byMonth=true`,
  `/api/statistics?${PERIOD}&department=LCJ&byMonth=true`,
  `/api/statistics/export.xlsx?${PERIOD}&byMonth=true`,
  `/api/statistics/export.csv?${PERIOD}&groupBy=matter&byMonth=true`,
];

/**
 * Cases submitted between 2025-01-01 and 2026-12-31: a quarter at the window, 10 % refused at acceptance, the
 * rest accepted within 3 days, 80 % of those completed 1–30 days later (each completion's deadline 14 days after
 * acceptance), half of the completed rated, 15 % given a supplementation notice.
 */
const GENERATE = `
  WITH m AS (SELECT array_agg(x.id ORDER BY x.code) AS ids, array_agg(p.id ORDER BY x.code) AS processes
               FROM matters x JOIN process_definitions p ON p.key = x.process_key AND p.active),
  made AS (
    INSERT INTO cases (case_number, query_code, matter_id, process_definition_id, applicant_id, channel, filed_by, filing_department, applicant_document,
                       submission_round, applicant_organisation, project_name, legal_representative, organisation_phone, handler_name, handler_phone,
                       stage, stage_name, status, submitted_at, closed_at, version)
    SELECT 'BENCH-' || i, 'Q' || i, m.ids[1 + i % cardinality(m.ids)], m.processes[1 + i % cardinality(m.ids)],
           CASE WHEN i % 4 = 0 THEN NULL ELSE $1::uuid END, CASE WHEN i % 4 = 0 THEN 'window' ELSE 'online' END,
           CASE WHEN i % 4 = 0 THEN $2::uuid END, CASE WHEN i % 4 = 0 THEN 'LCJ' END, CASE WHEN i % 4 = 0 THEN 'resident_id:bench' || i END,
           1, '基准测试有限公司', '项目-' || i, '王五', '0471-6945123', '赵六', '13800000000',
           'bench', '基准 Bench', 'closed', timestamptz '2025-01-01 09:00+08' + (i % 730) * interval '1 day', NULL, 1
      FROM generate_series(1, $3::int) AS i, m
    RETURNING id, submitted_at, (hashtext(id::text) & 1023) AS roll
  )
  INSERT INTO case_clocks (case_id, legal_limit_days, promised_limit_days, warning_days, limit_unit, received_on, accepted_on, deemed_accepted,
                           pause_overrun, paused_days, extension_days, extension_allowance_days, refused_on, promised_deadline, legal_deadline,
                           stopped_on, alert, updated_at)
  SELECT id, 20, 10, 3, 'working_days', day, accepted, false, false, roll % 3, 0, 10, refused, accepted + 14, accepted + 28,
         CASE WHEN refused IS NOT NULL THEN refused WHEN roll % 10 < 8 THEN accepted + 1 + roll % 30 END, 'stopped', now()
    FROM (SELECT id, roll, (submitted_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                 CASE WHEN roll % 10 = 0 THEN NULL ELSE (submitted_at AT TIME ZONE 'Asia/Shanghai')::date + roll % 4 END AS accepted,
                 CASE WHEN roll % 10 = 0 THEN (submitted_at AT TIME ZONE 'Asia/Shanghai')::date + 1 END AS refused
            FROM made) AS c`;

const RATE = `
  INSERT INTO case_ratings (case_id, rater_id, level, reason, created_at, department_id, follow_up_status)
  SELECT k.case_id, $1::uuid, 1 + abs(hashtext(k.case_id::text || 'level')) % 5, '基准测试', (k.stopped_on + 1)::timestamptz, x.department_id, 'none'
    FROM case_clocks k JOIN cases c ON c.id = k.case_id JOIN matters x ON x.id = c.matter_id
   WHERE c.case_number LIKE 'BENCH-%' AND k.accepted_on IS NOT NULL AND k.stopped_on IS NOT NULL AND hashtext(k.case_id::text) & 1 = 0`;

const NOTIFY = `
  INSERT INTO supplementation_notices (case_id, round, issued_at, issued_by, items)
  SELECT id, 2, submitted_at, $1::uuid, '[]'::jsonb FROM cases WHERE case_number LIKE 'BENCH-%' AND abs(hashtext(id::text || 's')) % 100 < 15`;

async function timed(client: Client, deployment: Deployment, path: string): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const answer = await download(deployment, client, path);
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${answer.body.toString()}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function measure(): Promise<string> {
  await serverModeServices();
  const deployment = await deploy('server');
  cleanups.push(() => deployment.stop());
  const db = new pg.Client({ connectionString: deployment.env.DATABASE_URL });
  cleanups.push(() => db.end());
  await db.connect();
  const { username } = await newApplicant(deployment);
  const [{ applicant, window }] = (await db.query(
    `SELECT (SELECT id FROM users WHERE username = $1) AS applicant, (SELECT id FROM users WHERE username = 'window1') AS window`, [username],
  )).rows;
  const started = performance.now();
  await db.query(GENERATE, [applicant, window, CASES]);
  await db.query(RATE, [applicant]);
  await db.query(NOTIFY, [window]);
  await db.query('ANALYZE');
  console.error(`generated ${CASES} cases in ${Math.round(performance.now() - started)} ms`);
  if (process.env.BENCH_EXPLAIN) await explain(db);
  const supervisor = await loginAs(deployment, 'supervisor1');
  const lines = [`| request (${CASES.toLocaleString('en')} cases, 2025–2026) | fastest ms | median ms | slowest ms |`, '|---|---|---|---|'];
  for (const path of REQUESTS) {
    const times = await timed(supervisor, deployment, path);
    lines.push(`| \`${path.replace('/api/statistics', '')}\` | ${times[0].toFixed(0)} | ${times[Math.floor(RUNS / 2)].toFixed(0)} | ${times.at(-1)!.toFixed(0)} |`);
  }
  return lines.join('\n') + '\n';
}

async function explain(db: pg.Client): Promise<void> {
  const scope = { from: '2026-01-01', to: '2026-12-31', departmentCodes: null, matterId: null, groupBy: 'department' as const, byMonth: true };
  const plan = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${statisticsSql(scope.groupBy)}`, statisticsParameters(scope));
  console.error(plan.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n'));
}

await runBenchmark(3600, measure, (markdown) => publish(markdown, 'bench/results/statistics-latest.md', ['<!-- statistics-bench:start -->', '<!-- statistics-bench:end -->']));
