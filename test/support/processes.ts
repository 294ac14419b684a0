import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { projectRoot } from '../../src/common/project-root.js';
import { freePort } from './ports.js';

// Found, not fixed relative to this file: the benchmark runs the compiled copy in dist/test/support.
const PROJECT_ROOT = projectRoot();
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const OUTPUT_LINES = 400;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningProcess {
  pid: number;
  /** Set for the API only. */
  baseUrl?: string;
  /** The last lines of stdout and stderr, interleaved as they arrived. */
  output(): string;
  /** Resolves when the process has exited (whoever ended it). */
  exited: Promise<Exit>;
  /** Sends `signal`, escalates to SIGKILL after 10 s, and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
  /** SIGKILL, as a crash would; waits for the exit. */
  kill(): Promise<Exit>;
}

const running = new Set<ChildProcess>();
const stoppers = new WeakMap<ChildProcess, () => Promise<unknown>>();

/** Stops every process this module started that is still running. */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((child) => stoppers.get(child)?.()));
}

// Jest gives each test file its own copy of this module, so this runs after every file that
// imports it. Orphaned servers would otherwise hold ports and database sessions after the run:
// process.on('exit') cannot help, since inside jest's sandbox `process` is not the real one.
// Taken from jest's injected globals rather than imported from @jest/globals, which throws outside
// jest: the benchmark (bench/) runs this module under plain node and calls stopAllProcesses itself.
(globalThis as { afterAll?: (hook: () => Promise<void>) => void }).afterAll?.(stopAllProcesses);

function launch(name: string, script: string, env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, [script], {
    cwd: PROJECT_ROOT,
    // NODE_OPTIONS from the jest command line (--experimental-vm-modules) is not for the app;
    // NO_COLOR keeps Nest's ANSI colours out of output().
    env: { ...process.env, NODE_OPTIONS: undefined, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  // A forgotten stop() must not keep jest waiting for the pipes; the afterAll above ends it.
  child.unref();
  (child.stdout as unknown as { unref(): void }).unref();
  (child.stderr as unknown as { unref(): void }).unref();
  const lines: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  const capture = (stream: NodeJS.ReadableStream, tag: string) => {
    let partial = '';
    const add = (line: string) => {
      lines.push(`${tag} ${line}`);
      if (lines.length > OUTPUT_LINES) lines.shift();
      for (const listener of lineListeners) listener(line);
    };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      parts.forEach(add);
    });
    stream.on('end', () => partial && add(partial));
  };
  capture(child.stdout!, `[${name}]`);
  capture(child.stderr!, `[${name} err]`);
  const output = () => lines.join('\n');

  // Before readiness a failure is reported through the rejected start promise instead.
  let ready = false;
  let expectingExit = false;
  // 'close' rather than 'exit': it waits for stdout/stderr to drain, so output() is complete.
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      if (ready && !expectingExit) {
        console.error(`${name} (pid ${child.pid}) exited unexpectedly (code ${code}, signal ${signal}):\n${output()}`);
      }
      resolve({ code, signal });
    });
  });
  const isRunning = () => child.exitCode === null && child.signalCode === null;

  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<Exit> => {
    expectingExit = true;
    if (isRunning()) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
    }
  };
  stoppers.set(child, () => stop());
  const proc: RunningProcess = {
    pid: child.pid!,
    output,
    exited,
    stop,
    kill: () => stop('SIGKILL'),
  };

  /** Resolves when `isReady` calls back; fails (and kills the child) on early exit or timeout. */
  const waitUntil = (isReady: (done: () => void) => () => void): Promise<RunningProcess> =>
    new Promise((resolve, reject) => {
      let stopWatching = () => {};
      const cleanup = () => {
        clearTimeout(timer);
        child.off('close', onExit);
        stopWatching();
      };
      const fail = (why: string) => {
        cleanup();
        void stop('SIGKILL').then(() => reject(new Error(`${name} ${why}. Output:\n${output()}`)));
      };
      const timer = setTimeout(() => fail(`was not ready within ${READY_TIMEOUT_MS / 1000} s`), READY_TIMEOUT_MS);
      const onExit = (code: number | null, signal: string | null) =>
        fail(`exited before it was ready (code ${code}, signal ${signal})`);
      child.once('close', onExit);
      stopWatching = isReady(() => {
        cleanup();
        ready = true;
        resolve(proc);
      });
    });

  return { proc, lineListeners, waitUntil };
}

export async function startApi(env: Record<string, string | undefined> = {}): Promise<RunningProcess> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const { proc, waitUntil } = launch('api', 'dist/src/main.js', { ...env, PORT: String(port) });
  proc.baseUrl = baseUrl;
  return waitUntil((done) => {
    let active = true;
    const poll = async () => {
      while (active) {
        try {
          const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
          await res.arrayBuffer();
          if (res.status === 200 && active) return done();
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    };
    void poll();
    return () => {
      active = false;
    };
  });
}

export function startWorker(env: Record<string, string | undefined> = {}): Promise<RunningProcess> {
  const { lineListeners, waitUntil } = launch('worker', 'dist/src/worker.js', env);
  return waitUntil((done) => {
    const listener = (line: string) => {
      if (line.includes('worker ready')) done();
    };
    lineListeners.add(listener);
    return () => lineListeners.delete(listener);
  });
}

function readStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`${field} missing from /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

export const readRssBytes = (pid: number): number => readStatusKb(pid, 'VmRSS');
/** High-water mark of resident memory since the process started. */
export const readPeakRssBytes = (pid: number): number => readStatusKb(pid, 'VmHWM');

/**
 * Lowers the process's high-water mark of resident memory (VmHWM) to its current RSS, so that the
 * next reading of VmHWM is the peak of what happened in between (Linux: "5" > /proc/pid/clear_refs).
 */
export function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
