import { Transform } from 'node:stream';
import { assertContentMatches, SIGNATURE_BYTES } from './file-formats.js';

/**
 * A pass-through that holds back a file's first bytes until it can tell the file's format, then fails the
 * stream (so storage keeps nothing) if the content is not what the name claims.
 */
export function contentCheck(fileName: string, extension: string): Transform {
  let head: Buffer | null = Buffer.alloc(0);
  const decide = (stream: Transform) => {
    const held = head!;
    head = null;
    assertContentMatches(held, fileName, extension);
    if (held.length) stream.push(held);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!head) return done(null, chunk);
      head = Buffer.concat([head, chunk]);
      if (head.length < SIGNATURE_BYTES) return done();
      try {
        decide(this);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      // A file shorter than a signature is decided on what there is (an empty one is refused elsewhere).
      try {
        if (head?.length) decide(this);
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
