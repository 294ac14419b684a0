import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { type ClientRequest, request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { Upload } from 'tus-js-client';
import { PDF_HEAD } from '../support/http.js';
import { PASSWORD } from '../support/identities.js';
import { readPeakRssBytes, readRssBytes, resetPeakRss } from '../support/processes.js';
import { storedObjects } from '../support/storage.js';
import {
  basicInformation, type Client, deploy, type Deployment, grasslandMatter, loginAs, MODES, newApplicant, uploadSmallMaterial,
} from '../support/tongban.js';

/*
 * Resumable uploads over tus 1.0.0, in each run mode with its real storage (the data folder, the S3 server): a real
 * tus client sending a file in chunks, a chunk cut off midway and resumed, and every refusal, each of which must
 * leave nothing in storage.
 */

const MiB = 1024 * 1024;
const MB = 1_000_000;
const MAX_BYTES = 314_572_800;
const TUS = '1.0.0';
const WINDOWS_PROGRAM = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
const pdfOf = (size: number) => Buffer.concat([PDF_HEAD, randomBytes(size - PDF_HEAD.length)]);
const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const metadataOf = (fields: Record<string, string>) => Object.entries(fields).map(([key, value]) => `${key} ${base64(value)}`).join(',');

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

interface Item {
  id: string;
  name: string;
  isRequired: boolean;
}

describe.each(MODES)('resumable uploads over tus (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let applicantName: string;
  let stranger: Client;
  let items: Item[];
  let caseId: string;

  /** A request under /api/uploads as `client` (none: anonymous), with Tus-Resumable unless told otherwise. */
  async function tus(method: string, path: string, options: { client?: Client | null; headers?: Record<string, string>; body?: Buffer } = {}): Promise<Answer> {
    const client = options.client === undefined ? applicant : options.client;
    const headers: Record<string, string> = { 'tus-resumable': TUS, ...options.headers };
    if (client) headers.authorization = `Bearer ${client.token}`;
    const response = await fetch(`${deployment.baseUrl}/api/uploads${path}`, { method, headers, body: options.body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }

  const create = (metadata: Record<string, string>, length: number, client?: Client) =>
    tus('POST', '', { client, headers: { 'upload-length': String(length), 'upload-metadata': metadataOf(metadata) } });

  /** Creates an upload of `length` bytes for a material item (the first required one unless told); returns its id. */
  async function started(length: number, target: Record<string, string> = { requiredMaterialId: items[1].id }, fileName = '权属证明.pdf'): Promise<string> {
    const created = await create({ filename: fileName, caseId, ...target }, length);
    expect(created.status).toBe(201);
    return created.body.id;
  }

  const patch = (id: string, offset: number, chunk: Buffer, client?: Client) =>
    tus('PATCH', `/${id}`, { client, headers: { 'content-type': 'application/offset+octet-stream', 'upload-offset': String(offset) }, body: chunk });

  const offsetOf = async (id: string) => {
    const head = await tus('HEAD', `/${id}`);
    expect(head.status).toBe(200);
    return Number(head.headers.get('upload-offset'));
  };

  const partsOf = (id: string) => storedObjects(deployment, `uploads/${id}/`);
  const caseFiles = () => storedObjects(deployment, `cases/${caseId}/`);
  const materials = async (id = caseId) => (await applicant.get(`/api/cases/${id}/materials`)).body as { id: string; sha256: string; sizeBytes: number; fileName: string; title: string | null }[];

  /** Reads until `read` gives `expected` or 5 s have passed; returns the last value read. */
  async function eventually<T>(read: () => Promise<T>, expected: T): Promise<T> {
    for (const deadline = Date.now() + 5_000; ; await sleep(100)) {
      const value = await read();
      if (JSON.stringify(value) === JSON.stringify(expected) || Date.now() > deadline) return value;
    }
  }

  /**
   * A PATCH that declares `declared` bytes, sends `sent` of them and holds the rest back, on a connection of its own;
   * `status` is the answer's, whenever it comes.
   */
  function heldPatch(id: string, offset: number, declared: number, sent: Buffer): { held: ClientRequest; status: Promise<number> } {
    const held = request(`${deployment.baseUrl}/api/uploads/${id}`, {
      method: 'PATCH',
      agent: false,
      headers: {
        authorization: `Bearer ${applicant.token}`, 'tus-resumable': TUS, 'content-type': 'application/offset+octet-stream',
        'upload-offset': String(offset), 'content-length': declared,
      },
    });
    held.on('error', () => undefined); // torn down on purpose
    const status = new Promise<number>((resolve) => held.on('response', (response) => (response.resume(), resolve(response.statusCode ?? 0))));
    held.write(sent);
    return { held, status };
  }

  beforeAll(async () => {
    deployment = await deploy(mode, { extraEnv: { TONGBAN_TEST_CLOCK: '1', TONGBAN_UPLOAD_SWEEP_MS: '1000' } });
    ({ client: applicant, username: applicantName } = await newApplicant(deployment));
    ({ client: stranger } = await newApplicant(deployment));
    const matter = await grasslandMatter(deployment);
    items = matter.requiredMaterials;
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    expect(draft.status).toBe(201);
    caseId = draft.body.id;
  });
  afterAll(() => deployment?.stop());

  it('tells what it speaks without a login: tus 1.0.0, its extensions and 300 MiB at most', async () => {
    const options = await tus('OPTIONS', '', { client: null, headers: {} });
    expect(options.status).toBe(204);
    expect(Object.fromEntries(['tus-resumable', 'tus-version', 'tus-extension', 'tus-max-size'].map((name) => [name, options.headers.get(name)]))).toEqual({
      'tus-resumable': TUS, 'tus-version': TUS, 'tus-extension': 'creation,termination,expiration', 'tus-max-size': String(MAX_BYTES),
    });
  });

  it('takes a file from tus-js-client in chunks, with progress, and makes it a material with the right sha256', async () => {
    const file = pdfOf(2 * MiB + 512 * 1024);
    const progress: number[] = [];
    const accepted: number[] = [];
    const done = await new Promise<{ materialId: string | undefined; url: string }>((resolve, reject) => {
      const upload = new Upload(file, {
        endpoint: `${deployment.baseUrl}/api/uploads`,
        headers: { authorization: `Bearer ${applicant.token}` },
        metadata: { filename: '草原权属证明.pdf', caseId, requiredMaterialId: items[1].id },
        chunkSize: MiB,
        retryDelays: [],
        onProgress: (sent) => progress.push(sent),
        onChunkComplete: (_size, acceptedBytes) => accepted.push(acceptedBytes),
        onSuccess: ({ lastResponse }) => resolve({ materialId: lastResponse.getHeader('Tongban-Material-Id'), url: upload.url! }),
        onError: reject,
      });
      upload.start();
    });

    expect(accepted).toEqual([MiB, 2 * MiB, file.length]);
    expect(progress.at(-1)).toBe(file.length);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const material = (await materials()).find((m) => m.id === done.materialId);
    expect(material).toMatchObject({ fileName: '草原权属证明.pdf', sizeBytes: file.length, sha256: sha256(file) });
    const id = done.url.split('/').at(-1)!;
    expect((await tus('GET', `/${id}`)).body).toMatchObject({ status: 'completed', offset: file.length, length: file.length, materialId: done.materialId });
    expect(await partsOf(id)).toEqual([]);
  });

  it('resumes a chunk cut off midway from the offset HEAD answers, keeping nothing of the cut chunk', async () => {
    const file = pdfOf(3 * MiB);
    const id = await started(file.length);
    expect((await patch(id, 0, file.subarray(0, MiB))).status).toBe(204);
    const partsBefore = await partsOf(id);
    expect(partsBefore).toHaveLength(1);

    const cut = heldPatch(id, MiB, MiB, file.subarray(MiB, MiB + MiB / 2));
    await sleep(500); // ample, over loopback, for the server to start storing the half it got
    cut.held.destroy();

    expect(await eventually(() => partsOf(id), partsBefore)).toEqual(partsBefore);
    expect(await offsetOf(id)).toBe(MiB);
    // The server may still be letting go of the cut request: a client retries while told 423, as tus-js-client does.
    let resumed = await patch(id, MiB, file.subarray(MiB, 2 * MiB));
    for (const deadline = Date.now() + 5_000; resumed.status === 423 && Date.now() < deadline; await sleep(100)) resumed = await patch(id, MiB, file.subarray(MiB, 2 * MiB));
    expect(resumed.status).toBe(204);
    expect(resumed.headers.get('upload-offset')).toBe(String(2 * MiB));

    const last = await patch(id, 2 * MiB, file.subarray(2 * MiB));
    expect(last.status).toBe(204);
    expect(last.headers.get('upload-offset')).toBe(String(file.length));
    const materialId = last.headers.get('tongban-material-id');
    expect((await materials()).find((m) => m.id === materialId)).toMatchObject({ sizeBytes: file.length, sha256: sha256(file) });
    expect(await partsOf(id)).toEqual([]);
  });

  it('answers HEAD with the offset, the length and the metadata, never to be cached', async () => {
    const id = await started(4096);
    const head = await tus('HEAD', `/${id}`);
    expect(head.status).toBe(200);
    expect(Object.fromEntries(['upload-offset', 'upload-length', 'cache-control', 'tus-resumable'].map((name) => [name, head.headers.get(name)]))).toEqual({
      'upload-offset': '0', 'upload-length': '4096', 'cache-control': 'no-store', 'tus-resumable': TUS,
    });
    expect(head.headers.get('upload-metadata')).toBe(metadataOf({ filename: '权属证明.pdf', caseId, requiredMaterialId: items[1].id }));
    expect(Date.parse(head.headers.get('upload-expires')!) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
  });

  it('refuses a chunk at the wrong offset with 409, telling the right one', async () => {
    const file = pdfOf(2048);
    const id = await started(file.length);
    const wrong = await patch(id, 1024, file.subarray(1024));
    expect(wrong).toMatchObject({ status: 409, body: { code: 'UPLOAD_OFFSET_MISMATCH', details: { offset: 0 } } });
    expect(await offsetOf(id)).toBe(0);
    expect(await partsOf(id)).toEqual([]);
  });

  it('lets only one of two PATCHes at the same offset advance the upload', async () => {
    const file = pdfOf(MiB);
    const id = await started(2 * file.length);
    const first = heldPatch(id, 0, file.length, file.subarray(0, 1024));
    await sleep(300);
    const second = heldPatch(id, 0, file.length, file.subarray(0, 1024));
    await sleep(300);
    first.held.end(file.subarray(1024));
    second.held.end(file.subarray(1024));

    expect((await Promise.all([first.status, second.status])).sort()).toEqual([204, 423]);
    expect(await offsetOf(id)).toBe(file.length);
    expect(await partsOf(id)).toHaveLength(1);
  });

  it('refuses a file over 300 MiB at creation, and a chunk past the declared length, with 413', async () => {
    const tooLarge = await create({ filename: '大文件.pdf', caseId, requiredMaterialId: items[1].id }, MAX_BYTES + 1);
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'FILE_TOO_LARGE' } });

    const id = await started(1024);
    const overflow = await patch(id, 0, pdfOf(2048));
    expect(overflow).toMatchObject({ status: 413, body: { code: 'CHUNK_EXCEEDS_UPLOAD', details: { remaining: 1024 } } });
    expect(await offsetOf(id)).toBe(0);
    expect(await partsOf(id)).toEqual([]);
  });

  it('refuses a format the item does not take with 415 before any byte, and a renamed program at its first chunk, ending the upload', async () => {
    const filesBefore = await caseFiles();
    const exe = await create({ filename: 'setup.exe', caseId, requiredMaterialId: items[1].id }, 4096);
    expect(exe).toMatchObject({ status: 415, body: { code: 'FILE_FORMAT_NOT_ACCEPTED', details: { acceptedFormats: expect.arrayContaining(['pdf']) } } });

    const id = await started(WINDOWS_PROGRAM.length * 2, { title: '补充说明' }, '说明.pdf');
    const program = await patch(id, 0, WINDOWS_PROGRAM);
    expect(program).toMatchObject({ status: 415, body: { code: 'FILE_CONTENT_MISMATCH', details: { detected: expect.stringContaining('PE') } } });
    expect((await tus('HEAD', `/${id}`)).status).toBe(404);
    expect(await partsOf(id)).toEqual([]);
    expect(await caseFiles()).toEqual(filesBefore);
  });

  it("is another applicant's to neither see, continue nor end: 404 to HEAD, GET, PATCH and DELETE", async () => {
    const id = await started(4096);
    const answers = await Promise.all([
      tus('HEAD', `/${id}`, { client: stranger }),
      tus('GET', `/${id}`, { client: stranger }),
      patch(id, 0, pdfOf(4096), stranger),
      tus('DELETE', `/${id}`, { client: stranger }),
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(answers[1].body.code).toBe('UPLOAD_NOT_FOUND');
    expect(await offsetOf(id)).toBe(0);
  });

  it('terminates an upload: its parts and its record go', async () => {
    const file = pdfOf(2 * MiB);
    const id = await started(file.length);
    expect((await patch(id, 0, file.subarray(0, MiB))).status).toBe(204);
    expect(await partsOf(id)).toHaveLength(1);

    expect((await tus('DELETE', `/${id}`)).status).toBe(204);
    expect(await partsOf(id)).toEqual([]);
    expect((await tus('HEAD', `/${id}`)).status).toBe(404);
    expect((await tus('DELETE', `/${id}`)).status).toBe(404);
  });

  it('names every problem of the creation headers field by field', async () => {
    const nothing = await tus('POST', '');
    expect(nothing.status).toBe(400);
    expect(nothing.body.details.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['Upload-Length', 'Upload-Metadata.filename', 'Upload-Metadata.caseId', 'Upload-Metadata.requiredMaterialId']),
    );

    const garbled = await tus('POST', '', { headers: { 'upload-length': '10', 'upload-metadata': `filename !!!,caseId ${base64(caseId)},a b c,caseId ${base64(caseId)}` } });
    expect(garbled).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(garbled.body.details.fields).toEqual([
      { field: 'Upload-Metadata.filename', problems: [expect.stringContaining('base64')] },
      { field: 'Upload-Metadata', problems: [expect.stringContaining('pair 3')] },
      { field: 'Upload-Metadata.caseId', problems: [expect.stringContaining('more than once')] },
    ]);

    const wrong = await create({ filename: 'a.pdf', caseId: 'not-a-case', requiredMaterialId: items[1].id, title: '说明', colour: 'red' }, 10);
    expect(wrong.status).toBe(400);
    const fields = Object.fromEntries(wrong.body.details.fields.map((f: { field: string; problems: string[] }) => [f.field, f.problems.join(' ')]));
    expect(fields).toEqual({
      'Upload-Metadata.caseId': expect.stringContaining('UUID'),
      'Upload-Metadata.title': expect.stringContaining('not both'),
      'Upload-Metadata.colour': expect.stringContaining('should not exist'),
    });
    expect((await tus('POST', '', { headers: { 'upload-length': '-5', 'upload-metadata': metadataOf({ filename: 'a.pdf', caseId, title: '说明' }) } })).body.details.fields).toEqual([
      { field: 'Upload-Length', problems: [expect.stringContaining('whole number')] },
    ]);
  });

  it('checks the case and the item as a multipart upload does: 404 for a case not the applicant’s, 404 for an item of another matter', async () => {
    const strangers = await create({ filename: 'a.pdf', caseId, requiredMaterialId: items[1].id }, 10, stranger);
    expect(strangers).toMatchObject({ status: 404, body: { code: 'CASE_NOT_FOUND' } });
    const otherItem = await create({ filename: 'a.pdf', caseId, requiredMaterialId: caseId }, 10);
    expect(otherItem).toMatchObject({ status: 404, body: { code: 'MATERIAL_ITEM_NOT_FOUND' } });
  });

  it('refuses a request without Tus-Resumable 1.0.0 with 412, and a chunk of another content type with 415', async () => {
    const id = await started(4096);
    const noVersion = await tus('HEAD', `/${id}`, { headers: { 'tus-resumable': '0.2.2' } });
    expect(noVersion.status).toBe(412);
    expect(noVersion.headers.get('tus-version')).toBe(TUS);
    const created = await fetch(`${deployment.baseUrl}/api/uploads`, { method: 'POST', headers: { authorization: `Bearer ${applicant.token}`, 'upload-length': '10' } });
    expect(created.status).toBe(412);
    expect(await created.json()).toMatchObject({ code: 'TUS_VERSION_UNSUPPORTED', details: { supported: [TUS] } });

    const plain = await tus('PATCH', `/${id}`, { headers: { 'content-type': 'text/plain', 'upload-offset': '0' }, body: pdfOf(64) });
    expect(plain).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE', message: { en: expect.stringContaining('application/offset+octet-stream') } } });
    expect(await offsetOf(id)).toBe(0);
  });

  // The chunks are larger than the bound: a server holding one would fail. S3 mode holds a few 5 MiB parts on the way.
  it('takes 2 chunks of 128 MiB while the API grows by less than 100 MB: no chunk is held in memory', async () => {
    const file = pdfOf(256 * MiB);
    const id = await started(file.length);
    const pid = deployment.api.pid;
    resetPeakRss(pid);
    const rssBefore = readRssBytes(pid);
    expect((await patch(id, 0, file.subarray(0, 128 * MiB))).status).toBe(204);
    const last = await patch(id, 128 * MiB, file.subarray(128 * MiB));
    const growth = readPeakRssBytes(pid) - rssBefore;
    console.log(`[${mode}] API grew by ${(growth / MB).toFixed(1)} MB while taking and joining 2 chunks of 128 MiB`);

    expect(last.status).toBe(204);
    const material = (await materials()).find((m) => m.id === last.headers.get('tongban-material-id'));
    expect(material).toMatchObject({ sizeBytes: file.length, sha256: sha256(file) });
    expect(growth).toBeLessThan(100 * MB);
  }, 300_000);

  it('answers the refusal when the case has left the applicant’s turn before the last chunk, leaving nothing behind', async () => {
    const matter = await grasslandMatter(deployment);
    const draft = await applicant.post('/api/cases', basicInformation(matter.id));
    const otherCase: string = draft.body.id;
    for (const item of items.filter((candidate) => candidate.isRequired)) expect((await uploadSmallMaterial(deployment, applicant, otherCase, item.id)).status).toBe(201);
    const file = pdfOf(2 * MiB);
    const created = await create({ filename: '补充说明.pdf', caseId: otherCase, title: '补充说明' }, file.length);
    const id = created.body.id;
    expect((await patch(id, 0, file.subarray(0, MiB))).status).toBe(204);
    expect((await applicant.post(`/api/cases/${otherCase}/actions/submit`, {})).status).toBe(200);
    const filesBefore = await storedObjects(deployment, `cases/${otherCase}/`);
    const listedBefore = await materials(otherCase);

    const last = await patch(id, MiB, file.subarray(MiB));
    expect(last).toMatchObject({ status: 409, body: { code: 'NOT_ACCEPTING_MATERIALS' } });
    expect(await partsOf(id)).toEqual([]);
    expect(await storedObjects(deployment, `cases/${otherCase}/`)).toEqual(filesBefore);
    expect(await materials(otherCase)).toEqual(listedBefore);
    expect((await tus('GET', `/${id}`)).status).toBe(404);
  });

  // Last: the test clock only moves forward, and every upload of this deployment expires with it.
  it('removes an unfinished upload with its parts once it has expired, 24 hours after its creation', async () => {
    const file = pdfOf(2 * MiB);
    const id = await started(file.length);
    expect((await patch(id, 0, file.subarray(0, MiB))).status).toBe(204);
    const moved = await applicant.post('/api/test/clock', { now: new Date(Date.now() + 25 * 3600 * 1000).toISOString() });
    expect(moved.status).toBe(200);
    applicant = await loginAs(deployment, applicantName, PASSWORD); // sessions last 12 hours

    expect(await eventually(() => partsOf(id), [])).toEqual([]); // the sweep, every second here
    expect(await storedObjects(deployment, 'uploads/')).toEqual([]);
    expect((await tus('HEAD', `/${id}`)).status).toBe(404);
    expect((await patch(id, MiB, file.subarray(MiB))).status).toBe(404);
  });
});
