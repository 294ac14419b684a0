/** What the benchmarks share: percentiles, cleanup on every way out, publishing the table, and the services a server-mode deployment needs. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../src/common/project-root.js';
import { stopAllProcesses } from '../test/support/processes.js';
import { startS3Server } from '../test/support/s3-server.js';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Nearest-rank percentile. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export const spread = (values: number[], ps = [50, 95, 99]) => ps.map((p) => percentile(values, p).toFixed(1)).join(' / ') + ' ms';

/** Cleanup steps, run last-registered first, once, whether the run succeeds, fails, times out or is interrupted. */
export const cleanups: (() => Promise<unknown>)[] = [];
let cleaning: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      await step().catch((error: Error) => console.error(`cleanup: ${error.message}`));
    }
  })();
  return cleaning;
}

/** Writes the table to its results file and between its markers in each README that has them. */
export async function publish(markdown: string, resultsFile: string, markers: [string, string], readmes = ['README.md', 'bench/README.md']): Promise<void> {
  const root = projectRoot();
  await mkdir(path.join(root, path.dirname(resultsFile)), { recursive: true });
  await writeFile(path.join(root, resultsFile), markdown);
  console.error(`written to ${resultsFile}`);
  const [start, end] = markers;
  for (const readme of readmes) {
    const text = await readFile(path.join(root, readme), 'utf8').catch(() => '');
    const from = text.indexOf(start);
    const to = text.indexOf(end, from);
    if (from < 0 || to < 0) continue;
    await writeFile(path.join(root, readme), `${text.slice(0, from + start.length)}\n${markdown}${text.slice(to)}`);
    console.error(`updated the table in ${readme}`);
  }
}

/** Starts s3rver on loopback and hands it, with Redis, to deploy() the way jest's global setup hands them to tests. */
export async function serverModeServices(): Promise<void> {
  const s3 = await startS3Server('tongban-bench');
  cleanups.push(() => s3.stop());
  Object.assign(process.env, { TEST_REDIS_URL: REDIS_URL, TEST_S3_ENDPOINT: s3.endpoint, TEST_S3_ACCESS_KEY: s3.accessKey, TEST_S3_SECRET_KEY: s3.secretKey });
  cleanups.push(stopAllProcesses); // deploy() leaves processes it started running if it fails
}

/** Runs a benchmark: prints its table and publishes it; cleans up on success, failure, Ctrl-C, SIGTERM and after `timeoutSeconds`. */
export async function runBenchmark(timeoutSeconds: number, run: () => Promise<string>, publishTo: (markdown: string) => Promise<void>): Promise<void> {
  // Last resort on a crash: SIGTERM goes out synchronously, even though the stops are not awaited.
  process.on('exit', () => void stopAllProcesses());
  const abort = (why: string, code: number) => {
    console.error(why);
    void cleanUp().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => abort('interrupted; cleaning up…', 130));
  process.once('SIGTERM', () => abort('terminated; cleaning up…', 143));
  // Kept referenced: should everything else stall without a live handle, the run still ends with a failure, not a silent exit.
  const watchdog = setTimeout(() => abort(`no result within ${timeoutSeconds} s; cleaning up…`, 1), timeoutSeconds * 1000);
  try {
    const markdown = await run();
    console.log(markdown);
    await publishTo(markdown);
  } catch (error) {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  } finally {
    await cleanUp();
    clearTimeout(watchdog);
  }
}

/**
 * `--kebab-name=N` on the command line, else `BENCH_SNAKE_NAME`, else the default; each a positive integer (or
 * non-negative for those named in `mayBeZero`). Unknown flags are refused, so a typo cannot go unnoticed.
 */
export function readOptions<T extends Record<string, number>>(defaults: T, mayBeZero: (keyof T)[] = []): T {
  const flagName = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const known = Object.keys(defaults).map((name) => `--${flagName(name)}=`);
  const unknown = process.argv.slice(2).filter((arg) => !known.some((flag) => arg.startsWith(flag)));
  if (unknown.length) throw new Error(`unknown arguments ${unknown.join(' ')}; known: ${known.map((flag) => `${flag}N`).join(' ')}`);
  const options: Record<string, number> = { ...defaults };
  for (const name of Object.keys(defaults)) {
    const flag = `--${flagName(name)}=`;
    const variable = `BENCH_${flagName(name).replace(/-/g, '_').toUpperCase()}`;
    const raw = process.argv.find((arg) => arg.startsWith(flag))?.slice(flag.length) ?? process.env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    const zeroAllowed = mayBeZero.includes(name);
    if (!Number.isInteger(value) || value < (zeroAllowed ? 0 : 1)) throw new Error(`${flag}N / ${variable} must be a ${zeroAllowed ? 'non-negative' : 'positive'} integer, got "${raw}"`);
    options[name] = value;
  }
  return options as T;
}
