import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Socket } from 'node:net';
import pg from 'pg';
import type { TestS3Server } from './s3-server.js';

/*
 * Jest loads this file with Node's own loader (its .ts require hook, then Node runs the ESM
 * that ts-jest emits), not in jest's module system: moduleNameMapper does not apply, so a static
 * `import './s3-server.js'` looks for a .js file that does not exist. require() of the .ts file
 * goes through jest's transform hook instead. Files loaded this way must have no relative
 * imports themselves.
 */
const load = createRequire(import.meta.url);
const { PG_ADMIN_URL } = load('./postgres.ts') as typeof import('./postgres.js');
const { startS3Server } = load('./s3-server.ts') as typeof import('./s3-server.js');

const REDIS_URL = new URL(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
const REDIS_HOST = REDIS_URL.hostname;
const REDIS_PORT = Number(REDIS_URL.port || 6379);

async function checkPostgres(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new Error(
      `Integration tests need PostgreSQL at ${PG_ADMIN_URL} (user postgres, trust auth): ` +
        `${(error as Error).message}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

// A raw PING avoids loading ioredis (and its connection retries) just to probe the port.
function checkRedis(): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const fail = (why: string) => {
      socket.destroy();
      reject(new Error(`Integration tests need Redis at ${REDIS_HOST}:${REDIS_PORT}: ${why}`));
    };
    socket.setTimeout(5000, () => fail('no answer within 5 s'));
    socket.once('error', (error) => fail(error.message));
    // Without this, a peer that hangs up silently leaves the promise pending, the event loop
    // empties, and jest exits 0 having run nothing.
    socket.once('close', () => fail('connection closed without a reply (is it Redis?)'));
    socket.once('data', (data) => {
      socket.destroy();
      const reply = data.toString().trim();
      if (reply === '+PONG') resolve();
      else fail(`unexpected reply to PING: ${reply}`);
    });
    socket.connect(REDIS_PORT, REDIS_HOST, () => socket.write('PING\r\n'));
  });
}

/**
 * The browser the web specs drive (playwright-core downloads none): Debian's Chromium, installed on a fresh
 * machine, with a Chinese font so that the screenshots show the pages' text rather than empty boxes.
 */
export const CHROMIUM = '/usr/bin/chromium';
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

function ensureChromium(): void {
  if (existsSync(CHROMIUM) && existsSync(CJK_FONT)) return;
  console.log(`${CHROMIUM} or a Chinese font is missing: installing Debian's chromium and fonts-wqy-zenhei`);
  const apt = (...args: string[]) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  apt('update');
  apt('install', '-y', '--no-install-recommends', 'chromium', 'fonts-wqy-zenhei');
}

export default async function globalSetup(): Promise<void> {
  ensureChromium();
  await Promise.all([checkPostgres(), checkRedis()]);
  const s3 = await startS3Server();
  // Only globalTeardown shares this context; test files see the server through process.env.
  (globalThis as { __TEST_S3__?: TestS3Server }).__TEST_S3__ = s3;
  process.env.TEST_S3_ENDPOINT = s3.endpoint;
  process.env.TEST_S3_ACCESS_KEY = s3.accessKey;
  process.env.TEST_S3_SECRET_KEY = s3.secretKey;
  process.env.TEST_S3_BUCKET = s3.bucket;
  process.env.TEST_REDIS_URL = REDIS_URL.toString();
  process.env.TEST_PG_ADMIN_URL = PG_ADMIN_URL;
}
