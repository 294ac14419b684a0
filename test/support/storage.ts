import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { Client as MinioClient } from 'minio';
import type { Deployment } from './tongban.js';

/**
 * The keys of the objects a deployment's storage holds under `prefix` (such as `cases/<id>/`), sorted: files under
 * its data folder in embedded mode, objects in its bucket in server mode. What a refused or broken upload must not leave.
 */
export async function storedObjects(deployment: Deployment, prefix: string): Promise<string[]> {
  if (deployment.mode === 'embedded') {
    const root = path.join(deployment.env.TONGBAN_DATA_DIR, 'materials');
    const entries = await readdir(path.join(root, prefix), { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  }
  const endpoint = new URL(process.env.TEST_S3_ENDPOINT!);
  const s3 = new MinioClient({
    endPoint: endpoint.hostname,
    port: Number(endpoint.port),
    useSSL: false,
    accessKey: deployment.env.S3_ACCESS_KEY,
    secretKey: deployment.env.S3_SECRET_KEY,
    pathStyle: true,
  });
  const keys: string[] = [];
  for await (const object of s3.listObjectsV2(deployment.env.S3_BUCKET, prefix, true)) keys.push(object.name);
  return keys.sort();
}
