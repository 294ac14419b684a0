import { Client as MinioClient } from 'minio';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Deployment } from './tongban.js';

/**
 * The contents of the objects stored under a prefix (such as 'templates/'): the folder on disk in embedded
 * mode, the objects in the bucket in server mode.
 */
export async function storedObjects(deployment: Deployment, prefix: string): Promise<Buffer[]> {
  if (deployment.mode === 'embedded') {
    const folder = path.join(deployment.env.TONGBAN_DATA_DIR, 'materials', prefix);
    const names = await readdir(folder).catch(() => []);
    return Promise.all(names.filter((name) => !name.endsWith('.partial')).map((name) => readFile(path.join(folder, name))));
  }
  const endpoint = new URL(deployment.env.S3_ENDPOINT);
  const s3 = new MinioClient({ endPoint: endpoint.hostname, port: Number(endpoint.port), useSSL: false, accessKey: deployment.env.S3_ACCESS_KEY, secretKey: deployment.env.S3_SECRET_KEY });
  const contents: Buffer[] = [];
  for await (const item of s3.listObjectsV2(deployment.env.S3_BUCKET, prefix, true)) {
    const chunks: Buffer[] = [];
    for await (const chunk of await s3.getObject(deployment.env.S3_BUCKET, item.name)) chunks.push(chunk as Buffer);
    contents.push(Buffer.concat(chunks));
  }
  return contents;
}
