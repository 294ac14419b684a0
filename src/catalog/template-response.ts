import type { Response } from 'express';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MaterialTemplate } from './material-template.entity.js';

/** Sends a blank form as a download: its type, length and sha256, and its Chinese name. */
export async function sendTemplate(response: Response, { template, body }: { template: MaterialTemplate; body: Readable }): Promise<void> {
  // Express writes both an ASCII fallback and the RFC 5987 filename* that carries the Chinese name.
  response.attachment(template.fileName);
  response.setHeader('Content-Type', template.contentType);
  response.setHeader('Content-Length', String(template.sizeBytes));
  response.setHeader('X-Content-SHA256', template.sha256);
  await pipeline(body, response);
}
