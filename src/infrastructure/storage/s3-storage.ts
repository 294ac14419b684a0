import { Client } from 'minio';
import type { Readable } from 'node:stream';
import { type S3Config } from '../../config/app-config.js';
import { type ObjectStorage } from './object-storage.js';

// Uploads of unknown length go up in parts of this size: without a fixed part size the client sizes
// parts for a 5 TiB object and buffers over 500 MiB per upload. It holds up to three parts at once (one
// filling, one queued, one in flight) besides what the garbage collector has yet to free: with 16 MiB
// parts a 300 MiB upload grew the API by over 100 MB. 5 MiB is S3's smallest part; 10,000 parts (S3's
// most) still allow 48 GiB objects.
const PART_SIZE = 5 * 1024 * 1024;

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
    // putObject pipes `body` into its part chunker with .pipe(), which passes no error on: a body that
    // fails (a file over the limit) would leave putObject waiting forever, and its 'error', with no
    // listener, would crash the process. So this listens itself and gives the upload up on failure.
    const failed = new Promise<never>((_, reject) => body.once('error', reject));
    try {
      await Promise.race([this.client.putObject(this.config.bucket, key, body), failed]);
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
