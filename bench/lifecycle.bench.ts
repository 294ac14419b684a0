/**
 * `npm run bench`: many cases driven concurrently through the whole lifecycle over HTTP, in server mode
 * (one API process, separate worker processes), next to PostgreSQL's own `pgbench -N` figure measured in
 * the same run, so that the ratio holds on a noisy machine. See bench/README.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { projectRoot } from '../src/common/project-root.js';
import { loadConfig } from '../src/config/app-config.js';
import { createTestDatabase, PG_ADMIN_URL } from '../test/support/postgres.js';
import { stopAllProcesses } from '../test/support/processes.js';
import { startS3Server } from '../test/support/s3-server.js';
import {
  basicInformation, type Client, deploy, type Deployment, grasslandMatter, handOverDetails, loginAs, newApplicant, smallPdf, uploadSmallMaterial,
} from '../test/support/tongban.js';
import { type CpuUsage, type ProcessGroups, startCpuMeter } from './cpu.js';
import { readOptions } from './options.js';
import { pgbenchSimpleUpdate, type PgbenchFigure } from './pgbench.js';

const DEFAULTS = { cases: 200, concurrency: 16, workers: 2, warmup: 8, materialBytes: 4096, pgbenchSeconds: 15, timeoutSeconds: 1800 };
type Options = typeof DEFAULTS;

/** The processes whose CPU is measured, by the name of their group in startCpuMeter, with their column heading. */
const COMPONENTS = { api: 'API', workers: 'workers', postgres: 'PostgreSQL', redis: 'Redis', driver: 'driver + s3rver' };
type Component = keyof typeof COMPONENTS;

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RESULTS_FILE = 'bench/results/lifecycle-latest.md';
// READMEs that show the latest table keep it between these markers; the run replaces what is between them.
const README_FILES = ['README.md', 'bench/README.md'];
const TABLE_MARKERS = ['<!-- lifecycle-bench:start -->', '<!-- lifecycle-bench:end -->'];
// A transition answered 202 is followed until its outcome is stored, at most this long.
const COMMAND_POLL_LIMIT_MS = 60_000;

/**
 * The transitions of a granted case, who asks for each and the stage it must reach. Between grant and
 * pickUp the licence is issued by a service task in the background: pickUp first waits for `delivery`.
 */
const LIFECYCLE = [
  { action: 'submit', by: 'applicant', stage: 'preAcceptance' },
  { action: 'preAccept', by: 'window', stage: 'acceptance' },
  { action: 'accept', by: 'window', stage: 'review' },
  { action: 'approve', by: 'reviewer', stage: 'decision' },
  { action: 'grant', by: 'decider', stage: 'issueLicence' },
  { action: 'pickUp', by: 'window', stage: 'completedGranted', waitsFor: 'delivery' },
] as const;
const STEP_NAMES = LIFECYCLE.map((step) => step.action).join(', ');
type Action = (typeof LIFECYCLE)[number]['action'];

// ---------------------------------------------------------------------------------------------- driving

interface Actors {
  applicants: Client[];
  window: Client;
  reviewer: Client;
  decider: Client;
}

interface FiledCase {
  id: string;
  applicant: Client;
}

/** Runs `task` on every item from `lanes` concurrent lanes; after a failure no lane takes another item. */
async function inLanes<T>(items: T[], lanes: number, task: (item: T, lane: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  await Promise.all(
    Array.from({ length: Math.min(lanes, items.length) }, async (_, lane) => {
      while (!failed && next < items.length) {
        const item = items[next++];
        await task(item, lane).catch((error: unknown) => {
          failed = true;
          throw error;
        });
      }
    }),
  );
}

const since = (start: number) => performance.now() - start;

/** Filing: each lane's applicant creates drafts and uploads every required material, as the applicant does before submitting. */
async function fileCases(deployment: Deployment, actors: Actors, count: number, options: Options) {
  const matter = await grasslandMatter(deployment);
  const required: { id: string }[] = matter.requiredMaterials.filter((item: { isRequired: boolean }) => item.isRequired);
  const filed: FiledCase[] = [];
  const draftMs: number[] = [];
  const uploadMs: number[] = [];
  const started = performance.now();
  await inLanes([...Array(count).keys()], options.concurrency, async (_, lane) => {
    const applicant = actors.applicants[lane];
    let start = performance.now();
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    draftMs.push(since(start));
    if (draft.status !== 201) throw new Error(`draft refused: ${draft.status} ${JSON.stringify(draft.body)}`);
    for (const item of required) {
      start = performance.now();
      const upload = await uploadSmallMaterial(deployment, applicant, draft.body.id, item.id, smallPdf(options.materialBytes));
      uploadMs.push(since(start));
      if (upload.status !== 201) throw new Error(`upload refused: ${upload.status} ${JSON.stringify(upload.body)}`);
    }
    filed.push({ id: draft.body.id, applicant });
  });
  return { filed, seconds: since(started) / 1000, draftMs, uploadMs, materialsPerCase: required.length };
}

/** One transition over HTTP, timed until its outcome is known (following a 202 to the command's outcome). */
async function transition(client: Client, caseId: string, step: (typeof LIFECYCLE)[number], onPending: () => void): Promise<number> {
  const start = performance.now();
  let response = await client.post(`/api/cases/${caseId}/actions/${step.action}`, handOverDetails(step.action));
  if (response.status === 202) {
    onPending();
    const { commandId } = response.body;
    do {
      await sleep(20);
      response = await client.get(`/api/commands/${commandId}`);
    } while (response.status === 404 && since(start) < COMMAND_POLL_LIMIT_MS);
  }
  const elapsed = since(start);
  if (response.status !== 200 || response.body.case?.stage !== step.stage) {
    throw new Error(`${step.action} on case ${caseId}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return elapsed;
}

/** How long a service task took: from the answer that reached it until the case stands at `stage`. */
async function waitForStage(client: Client, caseId: string, stage: string): Promise<number> {
  const start = performance.now();
  for (;;) {
    const detail = await client.get(`/api/cases/${caseId}`);
    if (detail.body.stage === stage) return since(start);
    if (since(start) > COMMAND_POLL_LIMIT_MS) throw new Error(`case ${caseId} did not reach ${stage}: ${JSON.stringify(detail.body)}`);
    await sleep(10);
  }
}

/** Deciding: each lane takes a filed case through every step of LIFECYCLE, one after the other. */
async function decideCases(actors: Actors, cases: FiledCase[], options: Options) {
  const latencies = Object.fromEntries(LIFECYCLE.map((step) => [step.action, [] as number[]])) as Record<Action, number[]>;
  const serviceMs: number[] = [];
  let pending = 0;
  const started = performance.now();
  await inLanes(cases, options.concurrency, async (kase) => {
    for (const step of LIFECYCLE) {
      const client = step.by === 'applicant' ? kase.applicant : actors[step.by];
      if ('waitsFor' in step) serviceMs.push(await waitForStage(client, kase.id, step.waitsFor));
      latencies[step.action].push(await transition(client, kase.id, step, () => pending++));
    }
  });
  return { seconds: since(started) / 1000, latencies, serviceMs, pending };
}

// --------------------------------------------------------------------------------------------- reporting

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const rate = (value: number) => value.toFixed(1);
const spread = (values: number[], ps = [50, 95, 99]) => ps.map((p) => percentile(values, p).toFixed(1)).join(' / ') + ' ms';

interface Measured {
  options: Options;
  filing: Awaited<ReturnType<typeof fileCases>>;
  deciding: Awaited<ReturnType<typeof decideCases>>;
  cpu: { filing: CpuUsage; deciding: CpuUsage };
  pgbench: PgbenchFigure;
  versions: { node: string; postgres: string; redis: string; cpu: string };
  workerConcurrency: number;
  startedAt: Date;
}

function report(m: Measured): string {
  const { options, filing, deciding, pgbench } = m;
  const all = Object.values(deciding.latencies).flat();
  const transitionsPerSecond = all.length / deciding.seconds;
  const uploads = filing.uploadMs.length;
  const groups = Object.keys(COMPONENTS) as Component[];
  // Whatever the machine ran besides the benchmark's own processes: other work sharing it. Tick
  // rounding can make it slightly negative on a quiet machine.
  const elsewhere = ({ cpuSeconds }: CpuUsage) => Math.max(0, cpuSeconds.machine - groups.reduce((sum, name) => sum + cpuSeconds[name], 0));
  const cpuRow = (label: string, wall: string, usage: CpuUsage, per: (cpuSeconds: number) => string) =>
    `| ${label} | ${wall} | ${[...groups.map((name) => usage.cpuSeconds[name]), elsewhere(usage), usage.cpuSeconds.machine].map(per).join(' | ')} |`;
  const wall = (usage: CpuUsage) => `${usage.wallSeconds.toFixed(1)} s`;
  const cores = (usage: CpuUsage) => (cpuSeconds: number) => (cpuSeconds / usage.wallSeconds).toFixed(2);
  const perTransition = (cpuSeconds: number) => ((cpuSeconds * 1000) / all.length).toFixed(1);
  return [
    `### Lifecycle benchmark, ${m.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `${options.cases} cases (after ${options.warmup} warm-up cases, not counted), ${options.concurrency} concurrent clients; ` +
      `server mode: 1 API process, ${options.workers} worker processes (concurrency ${m.workerConcurrency} each). ` +
      `Each case: a draft, ${filing.materialsPerCase} required materials of ${options.materialBytes} bytes (multipart), then ${LIFECYCLE.length} transitions over HTTP, the licence issued by a service task between grant and pickUp.`,
    `Node ${m.versions.node}, PostgreSQL ${m.versions.postgres}, Redis ${m.versions.redis}, ${os.cpus().length} × ${m.versions.cpu}; ` +
      'API, workers, PostgreSQL, Redis, s3rver and the driver share the machine.',
    '',
    '| figure | value |',
    '|---|---|',
    `| transitions/s (${STEP_NAMES}) | **${rate(transitionsPerSecond)}** |`,
    `| complete cases/s | ${rate(options.cases / deciding.seconds)} |`,
    `| transition latency p50 / p95 / p99 | ${spread(all)} |`,
    ...LIFECYCLE.map(({ action }) => `| — ${action} p50 / p99 | ${spread(deciding.latencies[action], [50, 99])} |`),
    `| licence service task: grant answered → case at delivery, p50 / p99 | ${spread(deciding.serviceMs, [50, 99])} |`,
    `| transitions answered 202 (then followed to their outcome) | ${deciding.pending} |`,
    `| PostgreSQL \`${pgbench.command}\`, same run | ${rate(pgbench.tps)} TPS (latency ${ms(pgbench.latencyMs)}) |`,
    `| **transitions/s ÷ pgbench TPS** | **${(transitionsPerSecond / pgbench.tps).toFixed(4)}** |`,
    `| filing phase: cases filed/s (draft + ${filing.materialsPerCase} uploads) | ${rate(options.cases / filing.seconds)} |`,
    `| filing phase: requests/s | ${rate((options.cases + uploads) / filing.seconds)} |`,
    `| filing phase: draft latency p50 / p95 / p99 | ${spread(filing.draftMs)} |`,
    `| filing phase: upload latency p50 / p95 / p99 | ${spread(filing.uploadMs)} |`,
    '',
    `CPU used, in cores (CPU seconds ÷ wall seconds, ${os.cpus().length} at most), and in CPU milliseconds per transition. PostgreSQL counts ` +
      "the backends of the benchmark's database only; Redis counts the whole server; \"elsewhere\" is the rest of the machine's busy time (other work sharing it).",
    '',
    `| phase | wall | ${Object.values(COMPONENTS).join(' | ')} | elsewhere | machine |`,
    `|---|---|${groups.map(() => '---|').join('')}---|---|`,
    cpuRow('filing, cores', wall(m.cpu.filing), m.cpu.filing, cores(m.cpu.filing)),
    cpuRow('transitions, cores', wall(m.cpu.deciding), m.cpu.deciding, cores(m.cpu.deciding)),
    cpuRow('transitions, CPU ms per transition', '', m.cpu.deciding, perTransition),
    '',
  ].join('\n');
}

// ------------------------------------------------------------------------------------------------- main

/** Cleanup steps, run last-registered first, once, whether the run succeeds, fails, times out or is interrupted. */
const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      await step().catch((error: Error) => console.error(`cleanup: ${error.message}`));
    }
  })();
  return cleaning;
}

async function publish(markdown: string): Promise<void> {
  const root = projectRoot();
  await mkdir(path.join(root, path.dirname(RESULTS_FILE)), { recursive: true });
  await writeFile(path.join(root, RESULTS_FILE), markdown);
  console.error(`written to ${RESULTS_FILE}`);
  const [start, end] = TABLE_MARKERS;
  for (const readme of README_FILES) {
    const text = await readFile(path.join(root, readme), 'utf8').catch(() => '');
    const from = text.indexOf(start);
    const to = text.indexOf(end, from);
    if (from < 0 || to < 0) continue;
    await writeFile(path.join(root, readme), `${text.slice(0, from + start.length)}\n${markdown}${text.slice(to)}`);
    console.error(`updated the table in ${readme}`);
  }
}

async function removeRedisKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1000 }) as AsyncIterable<string[]>) {
    if (keys.length) await redis.unlink(...keys);
  }
}

async function run(options: Options): Promise<Measured> {
  const startedAt = new Date();
  const unique = randomBytes(4).toString('hex');
  const queuePrefix = `tongban-bench-${unique}`;

  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  cleanups.push(() => admin.end());
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
  cleanups.push(async () => redis.disconnect());
  cleanups.push(() => removeRedisKeys(redis, queuePrefix));
  const s3 = await startS3Server('tongban-bench');
  cleanups.push(() => s3.stop());

  // deploy() takes the run-wide services from the environment, as jest's global setup hands them to tests.
  Object.assign(process.env, {
    TEST_REDIS_URL: REDIS_URL,
    TEST_S3_ENDPOINT: s3.endpoint,
    TEST_S3_ACCESS_KEY: s3.accessKey,
    TEST_S3_SECRET_KEY: s3.secretKey,
  });
  console.error(`starting 1 API and ${options.workers} workers on a fresh database…`);
  cleanups.push(stopAllProcesses); // deploy() leaves processes it started running if it fails
  const deployment = await deploy('server', { workers: options.workers, extraEnv: { TONGBAN_QUEUE_PREFIX: queuePrefix } });
  cleanups.push(() => deployment.stop());

  const [window, reviewer, decider, ...applicants] = await Promise.all([
    loginAs(deployment, 'window1'),
    loginAs(deployment, 'reviewer1'),
    loginAs(deployment, 'decider1'),
    ...Array.from({ length: options.concurrency }, async () => (await newApplicant(deployment)).client),
  ]);
  const actors: Actors = { window, reviewer, decider, applicants };

  if (options.warmup > 0) {
    console.error(`warming up with ${options.warmup} cases…`);
    await decideCases(actors, (await fileCases(deployment, actors, options.warmup, options)).filed, options);
  }

  const databaseName = new URL(deployment.env.DATABASE_URL).pathname.slice(1);
  const redisInfo = await redis.info('server');
  const processes: Record<Component, ProcessGroups[string]> = {
    api: () => [deployment.api.pid],
    workers: () => deployment.workers.map((worker) => worker.pid),
    postgres: async () => (await admin.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [databaseName])).rows.map((row) => row.pid),
    redis: () => [Number(/^process_id:(\d+)/m.exec(redisInfo)?.[1])],
    driver: () => [process.pid],
  };

  console.error(`filing ${options.cases} cases…`);
  let stopMeter = await startCpuMeter(processes);
  const filing = await fileCases(deployment, actors, options.cases, options);
  const filingCpu = await stopMeter();
  console.error(`deciding ${options.cases} cases…`);
  stopMeter = await startCpuMeter(processes);
  const deciding = await decideCases(actors, filing.filed, options);
  const decidingCpu = await stopMeter();

  // PostgreSQL's own figure, with Tongban's processes gone so that they take nothing from it.
  await deployment.stop();
  const scratch = await createTestDatabase('tongban_pgbench');
  cleanups.push(() => scratch.drop());
  console.error(`running pgbench for ${options.pgbenchSeconds} s…`);
  const pgbench = await pgbenchSimpleUpdate(scratch.url, options.pgbenchSeconds);

  const postgres = (await admin.query('SHOW server_version')).rows[0].server_version;
  return {
    options,
    filing,
    deciding,
    cpu: { filing: filingCpu, deciding: decidingCpu },
    pgbench,
    versions: { node: process.version, postgres, redis: /^redis_version:(\S+)/m.exec(redisInfo)?.[1] ?? '?', cpu: os.cpus()[0]?.model ?? '?' },
    workerConcurrency: loadConfig({ TONGBAN_WORKER_CONCURRENCY: process.env.TONGBAN_WORKER_CONCURRENCY }).workerConcurrency,
    startedAt,
  };
}

async function main(): Promise<void> {
  const options = readOptions(DEFAULTS, { warmup: 0 });
  // Last resort on a crash: SIGTERM goes out synchronously, even though the stops are not awaited.
  process.on('exit', () => void stopAllProcesses());
  const abort = (why: string, code: number) => {
    console.error(why);
    void cleanUp().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted; cleaning up…', 130));
  process.once('SIGTERM', () => abort('terminated; cleaning up…', 143));
  // Kept referenced: should everything else stall without a live handle, the run still ends with a failure, not a silent exit.
  const watchdog = setTimeout(() => abort(`no result within ${options.timeoutSeconds} s; cleaning up…`, 1), options.timeoutSeconds * 1000);

  try {
    const markdown = report(await run(options));
    console.log(markdown);
    await publish(markdown);
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
