import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { AppError } from '../../src/common/app-error.js';
import { receiveFile } from '../../src/materials/multipart-file.js';

const BOUNDARY = 'tongbanBoundary';

/** A multipart request carrying one file, as the HTTP server would hand it over. */
function multipartRequest(content: Buffer, field = 'file'): IncomingMessage {
  const body = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="a/../申请书.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return Object.assign(Readable.from([body]), {
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': String(body.length) },
  }) as unknown as IncomingMessage;
}

/** A sink that keeps what it was given, as storage would. */
function memorySink() {
  const chunks: Buffer[] = [];
  return {
    stored: () => Buffer.concat(chunks),
    sink: async (body: Readable) => {
      for await (const chunk of body) chunks.push(chunk as Buffer);
    },
  };
}

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'accepted', (error: AppError) => error.body.code);

describe('receiveFile', () => {
  const limit = 1000;

  it('takes a file of exactly the limit, counting and hashing it on the way', async () => {
    const content = Buffer.alloc(limit, 7);
    const { sink, stored } = memorySink();
    const file = await receiveFile(multipartRequest(content), limit, sink);
    expect(file).toEqual({ fileName: '申请书.pdf', contentType: 'application/pdf', sizeBytes: limit, sha256: createHash('sha256').update(content).digest('hex') });
    expect(stored().equals(content)).toBe(true);
  });

  it('refuses one byte more with FILE_TOO_LARGE', async () => {
    expect(await codeOf(receiveFile(multipartRequest(Buffer.alloc(limit + 1)), limit, memorySink().sink))).toBe('FILE_TOO_LARGE');
  });

  it('refuses an empty file even when storage fails on it', async () => {
    const failingSink = async (body: Readable) => {
      body.resume();
      throw new Error('S3 cannot complete an upload with no parts');
    };
    expect(await codeOf(receiveFile(multipartRequest(Buffer.alloc(0)), limit, failingSink))).toBe('EMPTY_FILE');
  });

  it('refuses a request whose file is in another field', async () => {
    expect(await codeOf(receiveFile(multipartRequest(Buffer.alloc(10), 'attachment'), limit, memorySink().sink))).toBe('FILE_MISSING');
  });
});
