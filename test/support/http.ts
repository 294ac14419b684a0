import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

function toHeaders(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
  }
  return headers;
}

function parseBody(text: string, contentType: string | null | undefined): unknown {
  if (!contentType?.includes('json') || text.length === 0) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text; // e.g. a reply cut short when the server dropped an oversized upload
  }
}

export function api(baseUrl: string, token?: string) {
  const send = async <T = any>(method: string, path: string, body?: unknown): Promise<HttpResult<T>> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Concatenated, not resolved: new URL('/x', 'http://h/api') would drop the /api prefix.
    const res = await fetch(baseUrl.replace(/\/$/, '') + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: parseBody(text, res.headers.get('content-type')) as T, headers: res.headers };
  };
  return {
    get: <T = any>(path: string) => send<T>('GET', path),
    post: <T = any>(path: string, body?: unknown) => send<T>('POST', path, body),
    put: <T = any>(path: string, body?: unknown) => send<T>('PUT', path, body),
    delete: <T = any>(path: string) => send<T>('DELETE', path),
  };
}

/** Writes `sizeBytes` random-looking bytes (so nothing can compress them) without holding them. */
/** Generated files start like a PDF, the format every material item takes, so the server's content check lets them in. */
export const PDF_HEAD = Buffer.from('%PDF-1.7\n');

async function writeGeneratedFile(path: string, sizeBytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  const block = randomBytes(1024 * 1024);
  PDF_HEAD.copy(block);
  for (let written = 0; written < sizeBytes; ) {
    const chunk = block.subarray(0, Math.min(block.length, sizeBytes - written));
    hash.update(chunk);
    written += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return hash.digest('hex');
}

export interface UploadOptions {
  contentType?: string;
  /** Extra text fields, sent before the file. */
  fields?: Record<string, string>;
}

/**
 * Sends a generated file of exactly `sizeBytes` bytes as multipart/form-data, streamed from disk
 * so that large uploads measure the server, not this process. Also returns the file's sha256.
 */
export async function uploadFile(
  url: string,
  token: string | undefined,
  fieldName: string,
  fileName: string,
  sizeBytes: number,
  options: UploadOptions = {},
): Promise<HttpResult & { sha256: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'tongban-upload-'));
  try {
    const filePath = join(dir, 'payload.bin');
    const sha256 = await writeGeneratedFile(filePath, sizeBytes);
    const boundary = `----tongban${randomBytes(12).toString('hex')}`;
    const fieldParts = Object.entries(options.fields ?? {}).map(
      ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    const prefix = Buffer.from(
      fieldParts.join('') +
        `--${boundary}\r\n` +
        `Content-Disposition: form-data; name="${fieldName}"; filename="${fileName}"\r\n` +
        `Content-Type: ${options.contentType ?? 'application/octet-stream'}\r\n\r\n`,
    );
    const suffix = Buffer.from(`\r\n--${boundary}--\r\n`);
    const headers: Record<string, string | number> = {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': prefix.length + sizeBytes + suffix.length,
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await sendStreamed(url, headers, prefix, filePath, suffix);
    return { ...res, sha256 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function sendStreamed(
  url: string,
  headers: Record<string, string | number>,
  prefix: Buffer,
  filePath: string,
  suffix: Buffer,
): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    // A connection of its own: after an early reply it is torn down mid-body, never reused.
    const req = request(url, { method: 'POST', headers, agent: false });
    const file = createReadStream(filePath);
    let response: IncomingMessage | undefined;
    let settled = false;
    const settle = (error: Error | undefined, result?: HttpResult) => {
      if (settled) return;
      settled = true;
      // A server that answers before reading everything (e.g. 413) no longer wants the rest.
      file.destroy();
      req.destroy();
      if (error) reject(error);
      else resolve(result!);
    };

    req.on('response', (res) => {
      response = res;
      const chunks: Buffer[] = [];
      const done = () => {
        const text = Buffer.concat(chunks).toString('utf8');
        settle(undefined, { status: res.statusCode ?? 0, body: parseBody(text, res.headers['content-type']), headers: toHeaders(res.headers) });
      };
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', done);
      // The server may drop the connection right after its early reply: keep what arrived.
      res.on('close', done);
      res.on('error', () => undefined); // reported through 'close'; unhandled it would crash jest
    });
    // A server that replies early and then resets the connection makes our next write fail
    // (EPIPE/ECONNRESET) while its reply may still be waiting to be parsed: give it a moment.
    // If the reset beat the reply, no client can see the reply (the server skipped a lingering close).
    req.on('error', (error) => {
      setTimeout(() => {
        if (!response) settle(new Error(`upload to ${url} failed before any reply: ${error.message}`));
      }, 100);
    });
    file.on('error', (error) => settle(error));

    req.write(prefix);
    file.pipe(req, { end: false });
    file.on('end', () => req.end(suffix));
  });
}
