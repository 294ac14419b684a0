import { Client } from 'minio';
import type { Readable } from 'node:stream';
import { type S3Config } from '../../config/app-config.js';
import { type ObjectStorage } from './object-storage.js';

// Uploads of unknown length go up in parts of this size, each held in memory once: without a fixed
// part size the client sizes parts for a 5 TiB object and buffers over 500 MiB per upload.
const PART_SIZE = 16 * 1024 * 1024;

export class S3Storage implements ObjectStorage {
  readonly kind = 's3' as const;
  private readonly client: Client;

  constructor(private readonly config: S3Config) {
    this.client = new Client({
      endPoint: config.endPoint,
      port: config.port,
      useSSL: config.useSSL,
      accessKey: config.accessKey,
      secretKey: config.secretKey,
      region: config.region,
      pathStyle: true,
      partSize: PART_SIZE,
    });
  }

  async put(key: string, body: Readable): Promise<void> {
    try {
      await this.client.putObject(this.config.bucket, key, body);
    } catch (error) {
      await this.client.removeIncompleteUpload(this.config.bucket, key).catch(() => undefined);
      throw error;
    }
  }

  get(key: string): Promise<Readable> {
    return this.client.getObject(this.config.bucket, key);
  }

  async remove(key: string): Promise<void> {
    await this.client.removeObject(this.config.bucket, key);
  }

  async check(): Promise<void> {
    if (!(await this.client.bucketExists(this.config.bucket))) await this.client.makeBucket(this.config.bucket, this.config.region);
  }
}
