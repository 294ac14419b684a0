import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgbenchFigure {
  command: string;
  tps: number;
  latencyMs: number;
}

/**
 * PostgreSQL's own figure for small write transactions on this machine, now: `pgbench -N` (the TPC-B
 * like script without the hot branch and teller updates) on a scratch database that the caller owns.
 */
export async function pgbenchSimpleUpdate(databaseUrl: string, seconds: number): Promise<PgbenchFigure> {
  // A stalled server must not hold the benchmark forever.
  const bounded = { timeout: (seconds + 120) * 1000, maxBuffer: 1024 * 1024 };
  await run('pgbench', ['-i', '-q', '-s', '10', databaseUrl], bounded);
  const args = ['-N', '-c', '8', '-j', '2', '-T', String(seconds)];
  const { stdout } = await run('pgbench', [...args, databaseUrl], bounded);
  const tps = /^tps = ([\d.]+)/m.exec(stdout)?.[1];
  const latency = /^latency average = ([\d.]+) ms/m.exec(stdout)?.[1];
  if (!tps || !latency) throw new Error(`could not read pgbench's output:\n${stdout}`);
  return { command: `pgbench ${args.join(' ')} (scale 10)`, tps: Number(tps), latencyMs: Number(latency) };
}
