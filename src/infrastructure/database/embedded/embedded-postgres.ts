import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { type DatabaseServer } from '../database-server.js';
import { claimDataDir, releaseDataDir } from './data-dir-lock.js';

type ThreadMessage = { type: 'listening'; address: string } | { type: 'stopped' };

/** PostgreSQL compiled to WASM (PGlite), kept in `<dataDir>/pg`, served on a loopback port from its own thread. */
export class EmbeddedPostgres implements DatabaseServer {
  private constructor(
    private readonly thread: Worker,
    private readonly dataDir: string,
    readonly url: string,
  ) {}

  /** Starts the database in `dataDir`, refusing (DataDirInUse) while another process has it open. */
  static async start(dataDir: string, maxConnections: number): Promise<EmbeddedPostgres> {
    const pgDir = path.join(dataDir, 'pg');
    mkdirSync(pgDir, { recursive: true });
    claimDataDir(dataDir);
    try {
      const thread = new Worker(new URL('./pglite-thread.js', import.meta.url), { workerData: { dataDir: pgDir, maxConnections } });
      const address = await new Promise<string>((resolve, reject) => {
        thread.once('error', reject);
        thread.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code} before it was ready`)));
        thread.once('message', (message: ThreadMessage) => message.type === 'listening' && resolve(message.address));
      });
      thread.removeAllListeners('exit');
      return new EmbeddedPostgres(thread, dataDir, `postgres://postgres@${address}/postgres`);
    } catch (error) {
      releaseDataDir(dataDir);
      throw error;
    }
  }

  async stop(): Promise<void> {
    const stopped = new Promise<void>((resolve) => {
      this.thread.on('message', (message: ThreadMessage) => message.type === 'stopped' && resolve());
      this.thread.once('exit', () => resolve());
    });
    this.thread.postMessage('stop');
    await stopped;
    await this.thread.terminate();
    releaseDataDir(this.dataDir);
  }
}
