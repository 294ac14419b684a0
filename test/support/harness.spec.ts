import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Readable } from 'node:stream';
import busboy from 'busboy';
import { Client } from 'minio';
import pg from 'pg';
import { uploadFile } from './http.js';
import { createTestDatabase } from './postgres.js';
import { readPeakRssBytes, readRssBytes } from './processes.js';
import { startS3Server } from './s3-server.js';

const MiB = 1024 * 1024;

function minioFor(endpoint: string, accessKey: string, secretKey: string): Client {
  const url = new URL(endpoint);
  return new Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey,
    secretKey,
    pathStyle: true,
    partSize: 16 * MiB,
  });
}

/** Deterministic bytes, so the stream's length is unknown to the client until it ends. */
function* pattern(totalBytes: number, hash: ReturnType<typeof createHash>) {
  for (let sent = 0, n = 0; sent < totalBytes; n++) {
    const chunk = Buffer.alloc(Math.min(MiB, totalBytes - sent), n % 251);
    hash.update(chunk);
    sent += chunk.length;
    yield chunk;
  }
}

describe('test harness', () => {
  it('passes the run-wide S3 server to tests through the environment', async () => {
    const { TEST_S3_ENDPOINT, TEST_S3_ACCESS_KEY, TEST_S3_SECRET_KEY, TEST_S3_BUCKET } = process.env;
    expect(TEST_S3_ENDPOINT).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = minioFor(TEST_S3_ENDPOINT!, TEST_S3_ACCESS_KEY!, TEST_S3_SECRET_KEY!);
    await expect(client.bucketExists(TEST_S3_BUCKET!)).resolves.toBe(true);
  });

  it('round-trips a multipart upload of unknown size through s3rver', async () => {
    const s3 = await startS3Server();
    try {
      const client = minioFor(s3.endpoint, s3.accessKey, s3.secretKey);
      const sent = createHash('sha256');
      // 20 MiB with 16 MiB parts: two parts, so the multipart path (and its listing) is used.
      await client.putObject(s3.bucket, 'harness/blob.bin', Readable.from(pattern(20 * MiB, sent)));
      const received = createHash('sha256');
      for await (const chunk of await client.getObject(s3.bucket, 'harness/blob.bin')) received.update(chunk);
      expect(received.digest('hex')).toBe(sent.digest('hex'));
      expect((await client.statObject(s3.bucket, 'harness/blob.bin')).size).toBe(20 * MiB);
    } finally {
      await s3.stop();
    }
  });

  it('creates and drops a fresh database', async () => {
    const db = await createTestDatabase('harness');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query('SELECT current_database() AS name');
    expect(rows[0].name).toBe(db.name);
    // Left open on purpose: drop() must terminate it.
    client.on('error', () => undefined);
    await db.drop();
    const admin = new pg.Client({ connectionString: process.env.TEST_PG_ADMIN_URL });
    await admin.connect();
    const left = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db.name]);
    await admin.end();
    expect(left.rowCount).toBe(0);
  });

  it('reads resident memory from /proc', () => {
    const rss = readRssBytes(process.pid);
    expect(rss).toBeGreaterThan(10 * MiB);
    expect(readPeakRssBytes(process.pid)).toBeGreaterThanOrEqual(rss);
  });

  describe('uploadFile', () => {
    async function withServer(
      handler: Parameters<typeof createServer>[1],
      run: (url: string) => Promise<void>,
    ): Promise<void> {
      const server: Server = createServer(handler);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const address = server.address();
      try {
        await run(`http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/upload`);
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }

    it('streams a multipart body of exactly the requested size', async () => {
      await withServer(
        (req, res) => {
          const parser = busboy({ headers: req.headers });
          const hash = createHash('sha256');
          let size = 0;
          let field = '';
          parser.on('file', (name, stream) => {
            field = name;
            stream.on('data', (chunk: Buffer) => {
              size += chunk.length;
              hash.update(chunk);
            });
          });
          parser.on('close', () => {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ field, size, sha256: hash.digest('hex'), auth: req.headers.authorization }));
          });
          req.pipe(parser);
        },
        async (url) => {
          const result = await uploadFile(url, 'secret', 'file', 'big.bin', 30 * MiB + 7);
          expect(result.status).toBe(200);
          expect(result.body).toEqual({ field: 'file', size: 30 * MiB + 7, sha256: result.sha256, auth: 'Bearer secret' });
        },
      );
    });

    it('returns an early 413 instead of failing on the unsent rest of the body', async () => {
      await withServer(
        (_req, res) => {
          res.statusCode = 413;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ message: 'too large' }));
        },
        async (url) => {
          const result = await uploadFile(url, undefined, 'file', 'huge.bin', 200 * MiB);
          expect(result).toMatchObject({ status: 413, body: { message: 'too large' } });
        },
      );
    });
  });
});
