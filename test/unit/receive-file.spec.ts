import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { AppError } from '../../src/common/app-error.js';
import { receiveFile } from '../../src/materials/multipart-file.js';

const BOUNDARY = 'tongbanBoundary';

/** A multipart request carrying one file, as the HTTP server would hand it over. */
function multipartRequest(content: Buffer, field = 'file', fileName = 'a/../申请书.pdf'): IncomingMessage {
  const body = Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="title"\r\n\r\n补充说明\r\n`),
    Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
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

const pdfOf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 7)]);

describe('receiveFile', () => {
  const limit = 1000;
  const rules = { maxBytes: limit, acceptedFormats: ['pdf', 'png'] };

  it('takes a file of exactly the limit, counting and hashing it on the way, with the form fields', async () => {
    const content = pdfOf(limit);
    const { sink, stored } = memorySink();
    const file = await receiveFile(multipartRequest(content), rules, sink);
    expect(file).toEqual({
      fileName: '申请书.pdf', contentType: 'application/pdf', sizeBytes: limit, sha256: createHash('sha256').update(content).digest('hex'), fields: { title: '补充说明' },
    });
    expect(stored().equals(content)).toBe(true);
  });

  it('refuses a program renamed to .pdf before storage keeps a byte of it', async () => {
    const { sink, stored } = memorySink();
    const program = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), Buffer.alloc(500)]);
    expect(await codeOf(receiveFile(multipartRequest(program), rules, sink))).toBe('FILE_CONTENT_MISMATCH');
    expect(stored()).toHaveLength(0);
  });

  it('refuses a format the item does not take without calling storage', async () => {
    let called = false;
    const sink = async () => void (called = true);
    expect(await codeOf(receiveFile(multipartRequest(pdfOf(100), 'file', 'setup.exe'), rules, sink))).toBe('FILE_FORMAT_NOT_ACCEPTED');
    expect(called).toBe(false);
  });

  it('refuses one byte more with FILE_TOO_LARGE', async () => {
    expect(await codeOf(receiveFile(multipartRequest(pdfOf(limit + 1)), rules, memorySink().sink))).toBe('FILE_TOO_LARGE');
  });

  it('refuses an empty file even when storage fails on it', async () => {
    const failingSink = async (body: Readable) => {
      body.resume();
      throw new Error('S3 cannot complete an upload with no parts');
    };
    expect(await codeOf(receiveFile(multipartRequest(Buffer.alloc(0)), rules, failingSink))).toBe('EMPTY_FILE');
  });

  it('refuses a request whose file is in another field', async () => {
    expect(await codeOf(receiveFile(multipartRequest(Buffer.alloc(10), 'attachment'), rules, memorySink().sink))).toBe('FILE_MISSING');
  });
});
