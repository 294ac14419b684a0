import type { Readable } from 'node:stream';

/** Where material files live: a folder on local disk in embedded mode, an S3 bucket (MinIO) in server mode. */
export interface ObjectStorage {
  readonly kind: 'local-disk' | 's3';
  /** Streams `body` to `key`; the object appears only when the whole stream was written. */
  put(key: string, body: Readable): Promise<void>;
  get(key: string): Promise<Readable>;
  remove(key: string): Promise<void>;
  /** Prepares the storage (creates the folder or bucket) and throws when it cannot be used. */
  check(): Promise<void>;
}

export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
