import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/common/project-root.js';
import { api, PDF_HEAD } from './http.js';
import { residentId } from './identities.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { startApi, startWorker, type RunningProcess } from './processes.js';

export type Mode = 'embedded' | 'server';
export const MODES: Mode[] = ['embedded', 'server'];

// Found, not fixed relative to this file: the benchmark runs the compiled copy in dist/test/support.
const PROJECT_ROOT = projectRoot();

/** A running Tongban: in embedded mode one API process; in server mode an API and separate workers. */
export interface Deployment {
  mode: Mode;
  baseUrl: string;
  env: Record<string, string>;
  api: RunningProcess;
  workers: RunningProcess[];
  passwords: Record<string, string>;
  /** Stops every process (SIGKILL when `crash`), then starts them again on the same data. */
  restart(options?: { crash?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

async function serverEnvironment(): Promise<{ env: Record<string, string>; database: TestDatabase }> {
  const database = await createTestDatabase('tongban');
  const unique = randomBytes(4).toString('hex');
  return {
    database,
    env: {
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL!,
      S3_ENDPOINT: process.env.TEST_S3_ENDPOINT!,
      S3_ACCESS_KEY: process.env.TEST_S3_ACCESS_KEY!,
      S3_SECRET_KEY: process.env.TEST_S3_SECRET_KEY!,
      S3_BUCKET: `tongban-${unique}`,
      TONGBAN_QUEUE_PREFIX: `tongban-test-${unique}`,
    },
  };
}

async function seedServer(env: Record<string, string>): Promise<Record<string, string>> {
  const { stdout } = await promisify(execFile)(process.execPath, ['dist/src/seed-demo.js', '--json'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NODE_OPTIONS: undefined, ...env },
  });
  const json = stdout.trim().split('\n').at(-1)!;
  return passwordsOf(JSON.parse(json));
}

function passwordsOf(file: { accounts: { username: string; password: string }[] }): Record<string, string> {
  return Object.fromEntries(file.accounts.map((account) => [account.username, account.password]));
}

/** Starts Tongban in the given mode on fresh data: a new embedded data folder, or a new PostgreSQL database, queue prefix and bucket. */
export async function deploy(mode: Mode, options: { workers?: number; extraEnv?: Record<string, string> } = {}): Promise<Deployment> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tongban-test-'));
  const server = mode === 'server' ? await serverEnvironment() : undefined;
  // An empty DATABASE_URL keeps a developer's own setting from turning an embedded test into a server one.
  const env: Record<string, string> = { TONGBAN_DATA_DIR: dataDir, DATABASE_URL: '', ...server?.env, ...options.extraEnv };
  const discardData = async () => {
    await server?.database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };

  const startAll = async () => {
    const apiProcess = await startApi(env);
    const workers = server ? await Promise.all(Array.from({ length: options.workers ?? 1 }, () => startWorker(env))) : [];
    return { apiProcess, workers };
  };
  let running: Awaited<ReturnType<typeof startAll>>;
  const passwords: Record<string, string> = {};
  try {
    if (server) Object.assign(passwords, await seedServer(env));
    running = await startAll();
    if (!server) Object.assign(passwords, passwordsOf(JSON.parse(await readFile(path.join(dataDir, 'demo-accounts.json'), 'utf8'))));
  } catch (error) {
    // The caller gets no deployment to stop, so the database would outlive the run (processes that
    // did start are ended by stopAllProcesses: jest's afterAll, or the benchmark's own cleanup).
    await discardData().catch(() => undefined);
    throw error;
  }

  const stopAll = async (crash = false) => {
    const all = [running.apiProcess, ...running.workers];
    await Promise.all(all.map((proc) => (crash ? proc.kill() : proc.stop())));
  };
  const deployment: Deployment = {
    mode,
    env,
    passwords,
    get baseUrl() {
      return running.apiProcess.baseUrl!;
    },
    get api() {
      return running.apiProcess;
    },
    get workers() {
      return running.workers;
    },
    async restart({ crash = false } = {}) {
      await stopAll(crash);
      running = await startAll();
    },
    async stop() {
      await stopAll();
      await discardData();
    },
  };
  return deployment;
}

/** Logs in and returns an API client carrying the token. */
export async function loginAs(deployment: Deployment, username: string, password = deployment.passwords[username]) {
  const response = await api(deployment.baseUrl).post('/api/identity/login', { username, password });
  if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return clientOf(deployment, response.body.token as string);
}

/**
 * An API client for this token. It looks up the API's address on every request, because a restart
 * starts the API on a new port: a test can then show that a token from before still works.
 */
export function clientOf(deployment: Deployment, token: string) {
  const current = () => api(deployment.baseUrl, token);
  return {
    token,
    get: <T = any>(path: string) => current().get<T>(path),
    post: <T = any>(path: string, body?: unknown) => current().post<T>(path, body),
    put: <T = any>(path: string, body?: unknown) => current().put<T>(path, body),
    delete: <T = any>(path: string) => current().delete<T>(path),
  };
}

export type Client = Awaited<ReturnType<typeof loginAs>>;

let applicants = 0;

/** Registers a new applicant and logs them in. */
export async function newApplicant(deployment: Deployment) {
  const username = `applicant-${process.pid}-${++applicants}-${randomBytes(3).toString('hex')}`;
  const password = 'Grassland-2026';
  const response = await api(deployment.baseUrl).post('/api/identity/register', { username, displayName: '张三', password });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { username, client: await loginAs(deployment, username, password) };
}

export const GRASSLAND_MATTER_CODE = 'LCJ-XK-001';

/** The basic information of a filing, unique per call unless a project name is given. */
export function basicInformation(matterId: string, projectName = `风电场临时道路-${randomBytes(4).toString('hex')}`) {
  return {
    matterId,
    applicantOrganisation: '呼和浩特市某某牧业有限公司',
    projectName,
    legalRepresentative: '王五',
    organisationPhone: '0471-6945123',
    handlerName: '赵六',
    handlerPhone: '13800000000',
  };
}

/** The demo centre's matters by the process they run (see src/seed/demo-centre.ts). */
export const MATTER_OF_PROCESS = {
  'standard-licensing': GRASSLAND_MATTER_CODE,
  'parallel-approval': 'ZRZY-XK-003',
  'notification-commitment': 'SCJG-XK-012',
  instant: 'SCJG-XK-015',
} as const;

export async function matterByCode(deployment: Deployment, code: string) {
  const matters = await api(deployment.baseUrl).get(`/api/matters?q=${encodeURIComponent(code)}`);
  const summary = matters.body.items?.find((matter: { code: string }) => matter.code === code);
  if (!summary) throw new Error(`no matter ${code} in ${JSON.stringify(matters.body)}`);
  return (await api(deployment.baseUrl).get(`/api/matters/${summary.id}`)).body;
}

export const grasslandMatter = (deployment: Deployment) => matterByCode(deployment, GRASSLAND_MATTER_CODE);

/** Uploads a small in-memory file for one material item. */
export async function uploadSmallMaterial(deployment: Deployment, client: Client, caseId: string, itemId: string, content = smallPdf(), fileName = '申请书.pdf') {
  return sendFile(deployment, client, `/api/cases/${caseId}/materials/${itemId}`, { content, fileName });
}

/** Sends one file as multipart/form-data (text fields first), by POST unless told. */
export async function sendFile(
  deployment: Deployment,
  client: Client,
  path: string,
  { content = smallPdf(), fileName = '申请书.pdf', fields = {}, method = 'POST' }: { content?: Buffer; fileName?: string; fields?: Record<string, string>; method?: string },
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', new Blob([content], { type: 'application/octet-stream' }), fileName);
  const response = await fetch(`${deployment.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${client.token}` }, body: form });
  return { status: response.status, body: (await response.json()) as any };
}

export interface Download {
  status: number;
  contentType: string | null;
  disposition: string | null;
  body: Buffer;
}

/** Downloads a file (a PDF, a material) as the client, keeping its bytes. */
export async function download(deployment: Deployment, client: Client, path: string): Promise<Download> {
  const response = await fetch(`${deployment.baseUrl}${path}`, { headers: { authorization: `Bearer ${client.token}` } });
  return { status: response.status, contentType: response.headers.get('content-type'), disposition: response.headers.get('content-disposition'), body: Buffer.from(await response.arrayBuffer()) };
}

/** A small file that passes as a PDF by its first bytes, different each time. */
export const smallPdf = (size = 2048) => Buffer.concat([PDF_HEAD, randomBytes(size)]);

/**
 * Creates a draft of a matter (the grassland one unless told), uploads every required material, signs the
 * commitment where the process asks for one, and submits; returns the case id.
 */
export async function fileSubmittedCase(deployment: Deployment, client: Client, matterCode: string = GRASSLAND_MATTER_CODE): Promise<string> {
  const matter = await matterByCode(deployment, matterCode);
  const draft = await client.post('/api/cases', basicInformation(matter.id));
  if (draft.status !== 201) throw new Error(`draft refused: ${JSON.stringify(draft.body)}`);
  for (const item of matter.requiredMaterials.filter((m: { isRequired: boolean }) => m.isRequired)) {
    const upload = await uploadSmallMaterial(deployment, client, draft.body.id, item.id);
    if (upload.status !== 201) throw new Error(`upload refused: ${JSON.stringify(upload.body)}`);
  }
  if (draft.body.stage === 'commitment') {
    const signed = await client.post(`/api/cases/${draft.body.id}/actions/sign`, { comment: '本人承诺所填信息真实，符合许可条件' });
    if (signed.status !== 200) throw new Error(`signing refused: ${JSON.stringify(signed.body)}`);
  }
  const submitted = await client.post(`/api/cases/${draft.body.id}/actions/submit`, {});
  if (submitted.status !== 200) throw new Error(`submit refused: ${JSON.stringify(submitted.body)}`);
  return draft.body.id;
}

export interface TimelineEntry {
  action: string;
  actor: { id: string; name: string; role: string };
  from: { stage: string } | null;
  to: { stage: string };
  comment: string | null;
  at: string;
}

/** A case's timeline; throws unless it could be read, so that an empty list always means an empty timeline. */
export async function timelineOf(client: Client, caseId: string): Promise<TimelineEntry[]> {
  const response = await client.get<TimelineEntry[]>(`/api/cases/${caseId}/timeline`);
  if (response.status !== 200) throw new Error(`timeline of ${caseId}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Waits until the case stands at `stage` (service tasks run in the background after the transition that
 * reached them answered); returns the case, or throws with where it stands instead.
 */
export async function waitForStage(client: Client, caseId: string, stage: string, timeoutMs = 15_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const detail = await client.get(`/api/cases/${caseId}`);
    if (detail.body.stage === stage) return detail.body;
    if (Date.now() > deadline) throw new Error(`case ${caseId} did not reach ${stage}: ${JSON.stringify(detail.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a hand-over records: the post for `deliver`, the person collecting for `pickUp`; nothing for other actions. */
export function handOverDetails(action: string): object {
  if (action === 'deliver') return { postal: { carrier: '中国邮政 EMS', trackingNumber: '1180212345678', address: '内蒙古自治区呼和浩特市新城区某某路1号 王五 13800000000' } };
  if (action === 'pickUp') return { pickup: { name: '王五', idType: 'resident_id', idNumber: residentId('19750412') } };
  return {};
}

