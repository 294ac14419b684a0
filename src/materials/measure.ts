import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** A pass-through that counts and hashes what flows through it, so a file is measured on its way to storage. */
export class Measuring extends Transform {
  sizeBytes = 0;
  private readonly hash = createHash('sha256');

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
    this.sizeBytes += chunk.length;
    this.hash.update(chunk);
    done(null, chunk);
  }

  /** The sha256 of everything that went through, in hex; read it once the stream has ended. */
  sha256(): string {
    return this.hash.digest('hex');
  }
}
