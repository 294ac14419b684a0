import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { type ClientRequest, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { api, PDF_HEAD, uploadFile } from '../support/http.js';
import { readPeakRssBytes, readRssBytes, resetPeakRss } from '../support/processes.js';
import { storedObjects } from '../support/storage.js';
import {
  basicInformation, deploy, type Client, type Deployment, grasslandMatter, MODES, newApplicant, uploadSmallMaterial,
} from '../support/tongban.js';

const MAX_BYTES = 314_572_800;
const MB = 1_000_000;
const MiB = 1024 * 1024;
const BIG_TEST_TIMEOUT_MS = 600_000;

const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;

/** Streams a download through sha256 without holding it. */
async function downloadHash(url: string, token: string): Promise<{ status: number; sizeBytes: number; sha256: string }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const hash = createHash('sha256');
  let sizeBytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    hash.update(chunk);
    sizeBytes += chunk.length;
  }
  return { status: response.status, sizeBytes, sha256: hash.digest('hex') };
}

/** Starts a multipart upload declaring `declaredBytes` of body, sends its first MiB and holds the rest back. */
function startUpload(url: string, token: string, declaredBytes: number): ClientRequest {
  const boundary = `----tongban${randomBytes(12).toString('hex')}`;
  const req = request(url, {
    method: 'POST',
    agent: false,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': declaredBytes,
    },
  });
  req.on('error', () => undefined); // the connection is torn down by one side or the other
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  req.write(Buffer.concat([PDF_HEAD, Buffer.alloc(MiB, 7)]));
  return req;
}

/** The answer to an upload that holds its body back: only a server that decided without the body can give one. */
function answerOf(req: ClientRequest, waitMs: number): Promise<{ status: number; body: any; connection?: string; elapsedMs: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer within ${waitMs} ms while the body was held back`));
    }, waitMs);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection, elapsedMs: Date.now() - started });
      });
    });
  });
}

/** Reads until the value is `expected` or `withinMs` has passed; returns the last value read. */
async function eventually<T>(read: () => Promise<T>, expected: T, withinMs = 5_000): Promise<T> {
  for (const deadline = Date.now() + withinMs; ; await sleep(100)) {
    const value = await read();
    if (isDeepStrictEqual(value, expected) || Date.now() > deadline) return value;
  }
}

describe.each(MODES)('material uploads (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let items: { id: string; name: string }[];
  let caseId: string;
  let bigUpload: { id: string; sha256: string };

  const uploadUrl = (itemId: string) => `${deployment.baseUrl}/api/cases/${caseId}/materials/${itemId}`;

  /** What storage holds for the case. */
  const storedForCase = () => storedObjects(deployment, `cases/${caseId}/`);

  beforeAll(async () => {
    deployment = await deploy(mode);
    ({ client: applicant } = await newApplicant(deployment));
    const matter = await grasslandMatter(deployment);
    items = matter.requiredMaterials.filter((m: { isRequired: boolean }) => m.isRequired);
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    expect(draft.status).toBe(201);
    caseId = draft.body.id;
  });
  afterAll(() => deployment?.stop());

  it('accepts a file of exactly 314,572,800 bytes, hashed and counted exactly, while the API grows by less than 100 MB', async () => {
    const pid = deployment.api.pid; // in server mode too: the API receives the upload, workers never see it
    // VmHWM is a peak since process start, and startup (PGlite's WASM, Nest's module graph) may have
    // peaked above anything the upload does: peak-after minus peak-before would then read 0 however
    // much the upload held, so it proves nothing. Peak-after minus RSS-before bounds the growth from
    // above (nothing during the upload can exceed the later peak), so it can only err towards failing;
    // resetting the high-water mark to the current RSS first removes that error too.
    resetPeakRss(pid);
    const rssBefore = readRssBytes(pid);
    expect(readPeakRssBytes(pid)).toBeLessThan(rssBefore + 10 * MB); // the reset took effect

    const upload = await uploadFile(uploadUrl(items[0].id), applicant.token, 'file', '申请材料.pdf', MAX_BYTES);

    const peakAfter = readPeakRssBytes(pid);
    const growth = peakAfter - rssBefore;
    console.log(`[${mode}] API pid ${pid} during a ${MAX_BYTES}-byte upload: RSS before ${mib(rssBefore)}, peak after ${mib(peakAfter)}, growth ${mib(growth)} (${(growth / MB).toFixed(1)} MB)`);

    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ requiredMaterialId: items[0].id, sizeBytes: MAX_BYTES, sha256: upload.sha256, fileName: '申请材料.pdf' });
    expect(growth).toBeLessThan(100 * MB);
    bigUpload = { id: upload.body.id, sha256: upload.sha256 };
  }, BIG_TEST_TIMEOUT_MS);

  it('streams the 300 MiB file back byte for byte', async () => {
    const download = await downloadHash(`${deployment.baseUrl}/api/cases/${caseId}/materials/${bigUpload.id}/content`, applicant.token);
    expect(download).toEqual({ status: 200, sizeBytes: MAX_BYTES, sha256: bigUpload.sha256 });
  }, BIG_TEST_TIMEOUT_MS);

  it('refuses one byte more with 413 FILE_TOO_LARGE and keeps nothing of it', async () => {
    const listedBefore = (await applicant.get(`/api/cases/${caseId}/materials`)).body;
    const storedBefore = await storedForCase();
    expect(storedBefore).toHaveLength(1); // the 300 MiB file: the listing sees what is there

    const upload = await uploadFile(uploadUrl(items[1].id), applicant.token, 'file', '申请材料-2.pdf', MAX_BYTES + 1);

    expect(upload.status).toBe(413);
    expect(upload.body).toMatchObject({ code: 'FILE_TOO_LARGE', message: { zh: expect.stringContaining('300 MiB'), en: expect.stringContaining('300 MiB') } });
    expect((await applicant.get(`/api/cases/${caseId}/materials`)).body).toEqual(listedBefore);
    expect(await storedForCase()).toEqual(storedBefore);
  }, BIG_TEST_TIMEOUT_MS);

  it('refuses a declared Content-Length over the limit with 413 before reading the body', async () => {
    const refused = await answerOf(startUpload(uploadUrl(items[1].id), applicant.token, 400 * MiB), 10_000);
    expect(refused.status).toBe(413);
    expect(refused.body.code).toBe('FILE_TOO_LARGE');
    expect(refused.elapsedMs).toBeLessThan(5_000);
    // Nor will it read the rest: it hangs up instead of draining the body for the next request.
    expect(refused.connection).toBe('close');
  });

  it('survives a client hanging up mid-file, keeping nothing of it', async () => {
    const listedBefore = (await applicant.get(`/api/cases/${caseId}/materials`)).body;
    const storedBefore = await storedForCase();
    const upload = startUpload(uploadUrl(items[1].id), applicant.token, 10 * MiB);
    await sleep(500); // over loopback, ample for the server to start storing the first MiB
    upload.destroy();

    expect(await eventually(storedForCase, storedBefore)).toEqual(storedBefore);
    expect((await applicant.get(`/api/cases/${caseId}/materials`)).body).toEqual(listedBefore);
    expect((await api(deployment.baseUrl).get('/health')).status).toBe(200);
  });

  it('refuses a body that is not multipart with 415', async () => {
    const response = await applicant.post(`/api/cases/${caseId}/materials/${items[1].id}`, { file: 'not a file' });
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('MULTIPART_REQUIRED');
  });

  it('refuses a multipart request without the field "file" with 400 FILE_MISSING', async () => {
    const upload = await uploadFile(uploadUrl(items[1].id), applicant.token, 'attachment', 'a.pdf', 1024);
    expect(upload.status).toBe(400);
    expect(upload.body.code).toBe('FILE_MISSING');
  });

  it('refuses an empty file with 400 EMPTY_FILE', async () => {
    const storedBefore = await storedForCase();
    const upload = await uploadSmallMaterial(deployment, applicant, caseId, items[1].id, Buffer.alloc(0));
    expect(upload.status).toBe(400);
    expect(upload.body.code).toBe('EMPTY_FILE');
    expect(await storedForCase()).toEqual(storedBefore);
  });

  it("answers 404 to an applicant uploading to someone else's case", async () => {
    const { client: stranger } = await newApplicant(deployment);
    const upload = await uploadSmallMaterial(deployment, stranger, caseId, items[1].id);
    expect(upload.status).toBe(404);
    expect(upload.body.code).toBe('CASE_NOT_FOUND');
  });

  it('blocks submission while the item refused as too large is still missing, naming it', async () => {
    for (const item of items.slice(2)) expect((await uploadSmallMaterial(deployment, applicant, caseId, item.id)).status).toBe(201);
    const response = await applicant.post(`/api/cases/${caseId}/actions/submit`, {});
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('MATERIALS_MISSING');
    expect(response.body.details.missing.map((m: { name: string }) => m.name)).toEqual([items[1].name]);
    expect(response.body.message.zh).toContain(items[1].name);
  });
});
