import type { TestS3Server } from './s3-server.js';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __TEST_S3__?: TestS3Server };
  await holder.__TEST_S3__?.stop();
  delete holder.__TEST_S3__;
}
