import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

// No relative imports here: jest's globalSetup loads this file outside jest's module system,
// where './x.js' cannot be mapped to './x.ts' (see global-setup.ts).

export interface TestS3Server {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  bucket: string;
  stop(): Promise<void>;
}

// s3rver only accepts these credentials (it checks signatures against them).
const ACCESS_KEY = 'S3RVER';
const SECRET_KEY = 'S3RVER';

const EMPTY_MULTIPART_LISTING = (bucket: string) =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
  `<Bucket>${bucket}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
  '<NextKeyMarker></NextKeyMarker><NextUploadIdMarker></NextUploadIdMarker>' +
  '<MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>' +
  '</ListMultipartUploadsResult>';

interface KoaContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  status: number;
  type: string;
  body: unknown;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void> | void;

/**
 * The minio client lists pending multipart uploads (GET /<bucket>?uploads) before every
 * multipart upload so it can resume one; s3rver answers NotImplemented, which fails any upload
 * larger than one part. Saying "none pending" is enough for the client to start a fresh one.
 */
const listMultipartUploads: KoaMiddleware = (ctx, next) => {
  const bucket = /^\/([^/]+)\/?$/.exec(ctx.path)?.[1];
  if (ctx.method === 'GET' && bucket && 'uploads' in ctx.query) {
    ctx.status = 200;
    ctx.type = 'application/xml';
    ctx.body = EMPTY_MULTIPART_LISTING(bucket);
    return;
  }
  return next();
};

export async function startS3Server(bucket = 'tongban-test'): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'tongban-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0, // the kernel picks a free port, with no window for another process to take it
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  // s3rver is a Koa app whose router is already mounted by its constructor, so use() would
  // append after it; the middleware stack is composed at run(), so prepend instead.
  (server as unknown as { middleware: KoaMiddleware[] }).middleware.unshift(listMultipartUploads);
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accessKey: ACCESS_KEY,
    secretKey: SECRET_KEY,
    bucket,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
