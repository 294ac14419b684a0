// Runs inside a worker thread: PGlite's WASM blocks the thread that owns it, so it must not share the
// API's event loop. The main thread talks to it over the PostgreSQL wire protocol like to any server.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

interface ThreadInput {
  dataDir: string;
  maxConnections: number;
}

const { dataDir, maxConnections } = workerData as ThreadInput;
const db = await PGlite.create(dataDir);
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections });
await server.start();
parentPort!.postMessage({ type: 'listening', address: server.getServerConn() });

parentPort!.on('message', async (message: string) => {
  if (message !== 'stop') return;
  await server.stop();
  await db.close();
  parentPort!.postMessage({ type: 'stopped' });
});
