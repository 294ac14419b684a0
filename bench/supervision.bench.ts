/**
 * `npm run bench:supervision`: the supervisors' board (GET /api/supervision/board) over HTTP against a generated
 * database of a million cases in server-mode PostgreSQL: p50 / p95 / p99 of filtered pages, deep pages
 * included. See bench/README.md.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { PG_ADMIN_URL } from '../test/support/postgres.js';
import { type Client, deploy, type Deployment, loginAs, newApplicant } from '../test/support/tongban.js';
import { cleanups, publish, readOptions, runBenchmark, serverModeServices, spread } from './harness.js';

const DEFAULTS = { cases: 1_000_000, departments: 30, mattersPerDepartment: 10, staff: 300, requests: 200, warmup: 10, timeoutSeconds: 3600 };
type Options = typeof DEFAULTS;

const RESULTS_FILE = 'bench/results/supervision-latest.md';
const TABLE_MARKERS: [string, string] = ['<!-- supervision-bench:start -->', '<!-- supervision-bench:end -->'];

// ------------------------------------------------------------------------------------------- generating

/**
 * Of every 100 cases: 80 closed (clock stopped), 20 open; of the open ones 70% green, 15% yellow, 10% red and
 * 5% paused. Half the open tasks are claimed by one of the generated staff; one open case in 50 was urged.
 * Each case's matter, colour, deadline and stage are drawn from hashes of its number, independent of each
 * other, so that every table agrees without joins and no filter picks out one colour.
 */
const draw = (salt: number, range: number) => `(abs(hashint4(i * 7 + ${salt})) % ${range})`;
const OPEN = `(i % 5 = 0)`;
const BUCKET = draw(1, 20);
const ALERT = `CASE WHEN NOT ${OPEN} THEN 'stopped' WHEN ${BUCKET} < 14 THEN 'green' WHEN ${BUCKET} < 17 THEN 'yellow' WHEN ${BUCKET} < 19 THEN 'red' ELSE 'paused' END`;
// The promised deadline, by colour: overdue for red, within the 3 warning days for yellow, further off for green.
const PROMISED = `current_date + CASE WHEN ${BUCKET} < 14 THEN 5 + ${draw(2, 40)} WHEN ${BUCKET} < 17 THEN ${draw(2, 3)} ELSE -1 - ${draw(2, 30)} END`;
const STAGES = `(ARRAY['review', 'decision', 'delivery'])[1 + ${draw(3, 3)}]`;
const case_id = `md5('bench-case-' || i)::uuid`;

interface Ids {
  processId: string;
  applicantId: string;
  supervisorId: string;
  /** The columns of matters a generated matter copies from the grassland matter (all but its identity). */
  matterColumns: string[];
}

/** Each statement set-based over generate_series, in one session, so a million cases take a minute or two rather than hours. */
function generation(o: Options, ids: Ids): { label: string; sql: string; params?: unknown[] }[] {
  const matters = o.departments * o.mattersPerDepartment;
  return [
    {
      label: 'departments and matters',
      sql: `
        INSERT INTO departments (code, name, level) SELECT 'BENCH' || d, '基准测试部门 ' || d, 'city' FROM generate_series(1, ${o.departments}) d;
        CREATE TEMP TABLE bench_matters AS
          SELECT row_number() OVER (ORDER BY d.code, m) - 1 AS n, gen_random_uuid() AS id, d.id AS department_id, d.code || '-XK-' || m AS code
            FROM departments d, generate_series(1, ${o.mattersPerDepartment}) m WHERE d.code LIKE 'BENCH%';
        CREATE INDEX ON bench_matters (n);`,
    },
    {
      label: 'matters (copies of the grassland matter)',
      sql: `
        INSERT INTO matters (id, code, name, department_id, ${ids.matterColumns.join(', ')})
        SELECT b.id, b.code, '基准测试事项 ' || b.code, b.department_id, ${ids.matterColumns.map((name) => `g.${name}`).join(', ')}
          FROM bench_matters b, matters g WHERE g.code = 'LCJ-XK-001'`,
    },
    {
      label: 'staff',
      sql: `
        INSERT INTO users (username, display_name, roles) SELECT 'bench-staff-' || s, '基准审查员 ' || s, '{reviewer}' FROM generate_series(1, ${o.staff}) s;
        CREATE TEMP TABLE bench_staff AS SELECT row_number() OVER (ORDER BY username) - 1 AS n, id FROM users WHERE username LIKE 'bench-staff-%';
        CREATE INDEX ON bench_staff (n);`,
    },
    {
      label: `${o.cases.toLocaleString('en')} cases`,
      sql: `
        INSERT INTO cases (id, case_number, query_code, matter_id, process_definition_id, applicant_id, channel, submission_round,
                           applicant_organisation, project_name, legal_representative, organisation_phone, handler_name, handler_phone,
                           stage, stage_name, status, version, submitted_at, closed_at, created_at, updated_at)
        SELECT ${case_id}, 'BENCH-' || lpad(i::text, 8, '0'), lpad((i % 1000000)::text, 8, '0'), m.id, $1, $2, 'online', 1,
               '基准测试公司', '项目 ' || i, '王五', '0471-6945123', '赵六', '13800000000',
               CASE WHEN ${OPEN} THEN ${STAGES} ELSE 'completedGranted' END, CASE WHEN ${OPEN} THEN ${STAGES} ELSE '已办结' END,
               CASE WHEN ${OPEN} THEN 'open' ELSE 'closed' END, 3, now() - interval '30 days', CASE WHEN ${OPEN} THEN NULL ELSE now() END, now(), now()
          FROM generate_series(1, ${o.cases}) i JOIN bench_matters m ON m.n = ${draw(4, matters)}`,
      params: [ids.processId, ids.applicantId],
    },
    {
      label: 'case clocks',
      sql: `
        INSERT INTO case_clocks (case_id, matter_id, department_id, legal_limit_days, promised_limit_days, warning_days, limit_unit, received_on, accepted_on,
                                 deemed_accepted, paused_since, pause_overrun, paused_days, extension_days, extension_allowance_days, legal_deadline,
                                 promised_deadline, stopped_on, alert, todo_stage, urge_count, last_urged_at, updated_at)
        SELECT ${case_id}, m.id, m.department_id, 20, 10, 3, 'working_days', current_date - 20, current_date - 20, false,
               CASE WHEN ${ALERT} = 'paused' THEN current_date - 2 END, false, 0, 0, 10, ${PROMISED} + 10, ${PROMISED},
               CASE WHEN NOT ${OPEN} THEN current_date - 1 END, ${ALERT}, CASE WHEN ${OPEN} THEN ${STAGES} END,
               CASE WHEN ${OPEN} AND ${draw(5, 50)} = 0 THEN 1 + i % 3 ELSE 0 END, CASE WHEN ${OPEN} AND ${draw(5, 50)} = 0 THEN now() - interval '1 day' END, now()
          FROM generate_series(1, ${o.cases}) i JOIN bench_matters m ON m.n = ${draw(4, matters)}`,
    },
    {
      label: 'open tasks',
      sql: `
        INSERT INTO case_tasks (case_id, element_id, name, role, actions, stages, opened_at, assignee_id, claimed_at)
        SELECT ${case_id}, ${STAGES}, ${STAGES}, 'reviewer', '{approve}', ARRAY[${STAGES}], now() - interval '1 day',
               CASE WHEN ${draw(6, 2)} = 0 THEN s.id END, CASE WHEN ${draw(6, 2)} = 0 THEN now() END
          FROM generate_series(5, ${o.cases}, 5) i JOIN bench_staff s ON s.n = ${draw(7, o.staff)}`,
    },
    {
      label: 'urges',
      sql: `
        INSERT INTO case_urges (case_id, note, urged_by, urged_at, stage_at_urge, tasks_at_urge)
        SELECT k.case_id, '请加快办理', $1, now() - interval '1 day', 'review', '{}' FROM case_clocks k WHERE k.urge_count > 0`,
      params: [ids.supervisorId],
    },
  ];
}

async function generate(databaseUrl: string, o: Options, supervisorId: string): Promise<{ seconds: number; sizeMb: number }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    const [{ id: processId }] = (await db.query(`SELECT p.id FROM matters m JOIN process_definitions p ON p.key = m.process_key AND p.active WHERE m.code = 'LCJ-XK-001'`)).rows;
    const [{ id: applicantId }] = (await db.query(`SELECT id FROM users WHERE kind = 'person' LIMIT 1`)).rows;
    const { rows } = await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'matters' AND table_schema = 'public'`);
    const matterColumns = rows.map((row) => row.column_name as string).filter((name) => !['id', 'code', 'name', 'department_id'].includes(name));
    for (const { label, sql, params } of generation(o, { processId, applicantId, supervisorId, matterColumns })) {
      const step = performance.now();
      await db.query(sql, params);
      console.error(`  ${label}: ${((performance.now() - step) / 1000).toFixed(1)} s`);
    }
    // What autovacuum would do in time: statistics for the planner, the visibility map for index-only counts.
    await db.query('VACUUM ANALYZE');
    const [{ size }] = (await db.query('SELECT pg_database_size(current_database()) AS size')).rows;
    return { seconds: (performance.now() - started) / 1000, sizeMb: Number(size) / 2 ** 20 };
  } finally {
    await db.end();
  }
}

// ------------------------------------------------------------------------------------------- measuring

interface Mix {
  label: string;
  query: string;
}

/** Filter mixes a supervisor uses, from the whole board to narrow ones, first pages and deep ones. */
async function mixes(db: pg.Client): Promise<Mix[]> {
  const [{ id: matterId }] = (await db.query(`SELECT id FROM matters WHERE code = 'BENCH7-XK-3'`)).rows;
  return [
    { label: 'whole board, page 1', query: '' },
    { label: 'red only, page 1', query: '?alert=red' },
    { label: 'red and yellow, page 1', query: '?alert=red,yellow' },
    { label: 'one department, page 1', query: '?department=BENCH7' },
    { label: 'one department, red and yellow', query: '?department=BENCH7&alert=red,yellow' },
    { label: 'one matter, page 1', query: `?matterId=${matterId}` },
    { label: 'stage decision, not urged', query: '?legalStage=decision&urged=false' },
    { label: 'urged only', query: '?urged=true' },
    { label: 'department + stage + yellow', query: '?department=BENCH12&legalStage=review&alert=yellow' },
    { label: 'whole board, page 500 (offset 9,980)', query: '?page=500' },
    { label: 'green, page 2,000 of 50 (offset 99,950)', query: '?alert=green&page=2000&pageSize=50' },
    { label: 'one department, page 100', query: '?department=BENCH7&page=100' },
  ];
}

async function measure(client: Client, mix: Mix, o: Options): Promise<{ latencies: number[]; total: number }> {
  let total = 0;
  const latencies: number[] = [];
  for (let n = 0; n < o.warmup + o.requests; n++) {
    const started = performance.now();
    const answer = await client.get(`/api/supervision/board${mix.query}`);
    const took = performance.now() - started;
    if (answer.status !== 200) throw new Error(`${mix.label}: ${answer.status} ${JSON.stringify(answer.body)}`);
    total = answer.body.total;
    if (n >= o.warmup) latencies.push(took);
  }
  return { latencies, total };
}

// --------------------------------------------------------------------------------------------- running

async function run(o: Options): Promise<string> {
  const startedAt = new Date();
  await serverModeServices();
  // No worker: the board is the API's alone, and the workers' periodic sweeps would only add noise.
  console.error('starting the API on a fresh database…');
  const deployment: Deployment = await deploy('server', { workers: 0 });
  cleanups.push(() => deployment.stop());
  await newApplicant(deployment); // the applicant the generated cases are filed by
  const supervisor = await loginAs(deployment, 'supervisor1');
  const supervisorId = (await supervisor.get('/api/identity/me')).body.id;

  console.error(`generating ${o.cases.toLocaleString('en')} cases…`);
  const generated = await generate(deployment.env.DATABASE_URL, o, supervisorId);
  const db = new pg.Client({ connectionString: deployment.env.DATABASE_URL });
  await db.connect();
  cleanups.push(() => db.end());
  const [{ running }] = (await db.query(`SELECT count(*)::int AS running FROM case_clocks WHERE alert IN ('green', 'yellow', 'red')`)).rows;

  const rows: string[] = [];
  for (const mix of await mixes(db)) {
    console.error(`measuring ${mix.label}…`);
    const { latencies, total } = await measure(supervisor, mix, o);
    rows.push(`| ${mix.label} | \`${mix.query || '(none)'}\` | ${total.toLocaleString('en')} | ${spread(latencies)} |`);
  }
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const postgres = (await admin.query('SHOW server_version')).rows[0].server_version;
  await admin.end();
  return [
    `### Supervision board benchmark, ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${o.cases.toLocaleString('en')} cases (${running.toLocaleString('en')} with a running clock) in ${o.departments} departments × ${o.mattersPerDepartment} matters, ` +
      `generated in ${generated.seconds.toFixed(0)} s (database ${generated.sizeMb.toFixed(0)} MiB). Server mode, one API process; ` +
      `${o.requests} sequential requests per mix over HTTP as supervisor1 after ${o.warmup} not counted; 20 rows a page unless told.`,
    `Node ${process.version}, PostgreSQL ${postgres}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}; the API, PostgreSQL and the driver share the machine.`,
    '',
    '| filter mix | query | matching cases | latency p50 / p95 / p99 |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

const options = readOptions(DEFAULTS);
void runBenchmark(options.timeoutSeconds, () => run(options), (markdown) => publish(markdown, RESULTS_FILE, TABLE_MARKERS));
