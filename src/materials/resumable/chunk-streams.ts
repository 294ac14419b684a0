import type { IncomingMessage } from 'node:http';
import { Readable, Transform } from 'node:stream';
import { AppError } from '../../common/app-error.js';
import type { ObjectStorage } from '../../infrastructure/storage/object-storage.js';

export const chunkTooLong = (remaining: number) =>
  new AppError(
    413,
    'CHUNK_EXCEEDS_UPLOAD',
    { zh: `该分片超出了声明的文件大小：从当前偏移起只剩 ${remaining} 字节`, en: `The chunk goes past the declared length: only ${remaining} bytes remain from this offset` },
    { remaining },
  );

/**
 * The body of one PATCH as a stream that storage can take, read as it arrives: it fails past `remaining` bytes
 * (413) and when the client goes away mid-body, so that storage keeps nothing of the chunk. The request itself
 * is left alone, so that a refusal can still be answered. `received()` counts what came.
 */
export function chunkBody(request: IncomingMessage, remaining: number): { body: Readable; received: () => number } {
  let received = 0;
  const body = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      done(received > remaining ? chunkTooLong(remaining) : null, chunk);
    },
  });
  waitForSink(body);
  request.on('close', () => {
    if (!request.complete) body.destroy(new Error('the client went away in the middle of a chunk'));
  });
  request.on('error', (error) => body.destroy(error));
  request.pipe(body);
  return { body, received: () => received };
}

// Storage may start reading only after preparing (LocalDiskStorage creates its folder first): an error before then
// must wait in the stream for it, not crash the process as unhandled.
const waitForSink = (stream: Readable) => stream.on('error', () => undefined);

/** Passes `source` through `next`, failing `next` when `source` fails (pipe() passes no error on). */
export function through<T extends Transform>(source: Readable, next: T): T {
  source.on('error', (error) => next.destroy(error));
  waitForSink(next);
  return source.pipe(next);
}

/** The stored parts of an upload, one after the other, as one stream: read part by part, never held. */
export function joinedParts(storage: ObjectStorage, keys: readonly string[]): Readable {
  return Readable.from(
    (async function* () {
      for (const key of keys) yield* await storage.get(key);
    })(),
  );
}
