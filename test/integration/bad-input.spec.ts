import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { api } from '../support/http.js';
import {
  basicInformation, deploy, type Client, type Deployment, fileSubmittedCase, grasslandMatter, loginAs, MODES, newApplicant, timelineOf,
} from '../support/tongban.js';

/*
 * "Every bad input gets a clear error that says what is wrong (field by field, 4xx, never a 500), and
 * nothing already stored is lost or half-written." Each table below is a family of bad requests; every
 * answer must be a 4xx in the error shape. At the end the API must still be healthy, its log free of
 * unexpected errors, and the data it held before unchanged.
 */

interface Answer {
  status: number;
  body: any;
}

interface RawRequest {
  method?: string;
  token?: string;
  /** Sent as is; an object is sent as JSON. */
  body?: string | object;
  contentType?: string;
  headers?: Record<string, string>;
}

async function send(baseUrl: string, path: string, request: RawRequest = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    headers['content-type'] = request.contentType ?? 'application/json';
  }
  const response = await fetch(baseUrl + path, { method: request.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the assertion below then shows what came back
  }
  return { status: response.status, body: parsed };
}

/** A refusal in the error shape: the given 4xx status (or any 4xx), the code if given, both messages non-empty. */
function expectRefused(answer: Answer, status?: number, code?: string): void {
  const summary = `${answer.status} ${JSON.stringify(answer.body)?.slice(0, 600)}`;
  if (status !== undefined) expect(summary).toMatch(new RegExp(`^${status} `));
  expect(answer.status >= 400 && answer.status < 500 ? 'a 4xx' : summary).toBe('a 4xx');
  expect(answer.body).toMatchObject({
    statusCode: answer.status,
    code: code ?? expect.stringMatching(/^[A-Z_]+$/),
    message: { zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) },
  });
}

/** A 400 VALIDATION_FAILED naming the field. */
function expectFieldRefused(answer: Answer, field: string): void {
  expectRefused(answer, 400, 'VALIDATION_FAILED');
  expect(answer.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  for (const f of answer.body.details.fields) expect(f.problems).toEqual(expect.arrayContaining([expect.stringMatching(/\S/)]));
}

const NUL = 'ab\u0000cd';
const LONE_HIGH = 'ab\ud800cd';
const LONE_LOW = 'ab\udc00cd';
const LONG = '长'.repeat(20_000);

/** Values of the wrong JSON type, or strings no text field accepts. */
const WRONG_VALUES: [string, unknown][] = [
  ['a number', 42],
  ['a boolean', true],
  ['an empty array', []],
  ['an array of strings', ['呼和浩特', '某某']],
  ['an empty object', {}],
  ['an object', { zh: '某某' }],
  ['null', null],
  ['a very long string', LONG],
  ['a string with a NUL byte', NUL],
  ['a string with a lone high surrogate', LONE_HIGH],
  ['a string with a lone low surrogate', LONE_LOW],
  ['a deeply nested array', JSON.parse('['.repeat(3000) + ']'.repeat(3000))],
];

const DRAFT_FIELDS = ['matterId', 'applicantOrganisation', 'projectName', 'legalRepresentative', 'organisationPhone', 'handlerName', 'handlerPhone'];
const REGISTER_FIELDS = ['username', 'displayName', 'password'];
const LOGIN_FIELDS = ['username', 'password'];

const NON_OBJECT_BODIES: [string, string][] = [
  ['an empty array', '[]'],
  ['an array of an object', '[{"comment":"x"}]'],
  ['a string', '"x"'],
  ['a number', '1'],
  ['null', 'null'],
  ['true', 'true'],
  ['nothing but white space', '   '],
  ['truncated JSON', '{"comment": '],
  ['a lone surrogate escaped in JSON', '{"comment":"\\ud800"}'],
];

const WRONG_CONTENT_TYPES: [string, string, string][] = [
  ['text/plain', 'text/plain', '{"comment":"x"}'],
  ['form-urlencoded', 'application/x-www-form-urlencoded', 'comment=x&username=window1&password=x'],
  ['XML', 'application/xml', '<comment>x</comment>'],
  ['JSON in an unsupported charset', 'application/json; charset=latin1', '{"comment":"x"}'],
];

const BAD_UUIDS: [string, string][] = [
  ['a word', 'not-a-uuid'],
  ['a number', '12345'],
  ['a UUID with a letter out of hex', '0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a9g'],
  ['a UUID in braces', '%7B0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a90%7D'],
  ['a UUID with a NUL byte', '0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a90%00'],
  ['a very long value', 'a'.repeat(4000)],
  ['unicode', encodeURIComponent('办件编号')],
  ['SQL', encodeURIComponent("' OR 1=1 --")],
];

const BAD_ACTIONS: [string, string][] = [
  ['a space', '%20'],
  ['a dot', 'sub.mit'],
  ['very long', 'a'.repeat(65)],
  ['far too long', 'a'.repeat(3000)],
  ['unicode', encodeURIComponent('提交')],
  ['__proto__', '__proto__'],
  ['an encoded slash', 'a%2Fb'],
  ['a NUL byte', 'submit%00'],
  ['a leading digit', '1submit'],
];

// Names every JavaScript object has: they pass the pattern, so the process must be what refuses them.
const INHERITED_NAMES = ['constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

const BAD_COMMAND_IDS: [string, unknown][] = [
  ['too short', 'abc'],
  ['too long', 'a'.repeat(65)],
  ['with spaces', 'command id 1'],
  ['with a slash', '../../etc/passwd'],
  ['unicode', '命令编号命令编号命令编号'],
  ['with a NUL byte', 'command-\u0000-1'],
  ['a number', 12345678],
  ['an array', ['command-id-1']],
  ['an object', { id: 'command-id-1' }],
  ['empty', ''],
];

const BAD_TOKENS: [string, Record<string, string>][] = [
  ['no header', {}],
  ['garbage', { authorization: 'Bearer garbage' }],
  ['an empty bearer', { authorization: 'Bearer ' }],
  ['very long', { authorization: `Bearer ${'x'.repeat(8000)}` }],
  ['wrong scheme', { authorization: 'Basic d2luZG93MTpwYXNzd29yZA==' }],
  ['no scheme', { authorization: 'sometoken' }],
  ['two tokens', { authorization: 'Bearer a b' }],
  ['latin-1 bytes', { authorization: 'Bearer \u00e9\u00e8\u00ff' }],
];

describe.each(MODES)('bad input: 4xx in the error shape, never a 500, nothing lost (%s mode)', (mode) => {
  let deployment: Deployment;
  let applicant: Client;
  let applicantName: string;
  let other: Client;
  let window: Client;
  let matter: any;
  let caseId: string;
  let draftInfo: ReturnType<typeof basicInformation>;
  const usedCommandId = `bad-input-${randomUUID()}`;

  const call = (path: string, request: RawRequest = {}) => send(deployment.baseUrl, path, request);
  const asApplicant = (path: string, request: RawRequest = {}) => call(path, { token: applicant.token, ...request });

  beforeAll(async () => {
    deployment = await deploy(mode);
    window = await loginAs(deployment, 'window1');
    ({ client: applicant, username: applicantName } = await newApplicant(deployment));
    ({ client: other } = await newApplicant(deployment));
    matter = await grasslandMatter(deployment);
    draftInfo = basicInformation(matter.id);
    const draft = await applicant.post('/api/cases', draftInfo);
    expect(draft.status).toBe(201);
    caseId = draft.body.id;
    // A command refused (materials missing) is stored under its id like any other outcome.
    const refused = await applicant.post(`/api/cases/${caseId}/actions/submit`, { commandId: usedCommandId });
    expect(refused.status).toBe(422);
  });
  afterAll(() => deployment?.stop());

  describe('wrong values for each field', () => {
    it.each(DRAFT_FIELDS.flatMap((field) => WRONG_VALUES.map(([what, value]) => [field, what, value] as const)))(
      'POST /api/cases: %s as %s',
      async (field, _what, value) => {
        const body = { ...basicInformation(matter.id), [field]: value };
        expectFieldRefused(await asApplicant('/api/cases', { body }), field);
      },
    );

    it.each(REGISTER_FIELDS.flatMap((field) => WRONG_VALUES.map(([what, value]) => [field, what, value] as const)))(
      'POST /api/identity/register: %s as %s',
      async (field, _what, value) => {
        const body = { username: `probe-${randomUUID().slice(0, 8)}`, displayName: '张三', password: 'Grassland-2026', [field]: value };
        expectFieldRefused(await call('/api/identity/register', { body }), field);
      },
    );

    it.each(LOGIN_FIELDS.flatMap((field) => WRONG_VALUES.map(([what, value]) => [field, what, value] as const)))(
      'POST /api/identity/login: %s as %s',
      async (field, _what, value) => {
        const body = { username: applicantName, password: 'Grassland-2026', [field]: value };
        expectFieldRefused(await call('/api/identity/login', { body }), field);
      },
    );

    it.each(WRONG_VALUES.filter(([what]) => what !== 'null'))('POST /api/cases/:id/actions/:action: comment as %s', async (_what, value) => {
      expectFieldRefused(await asApplicant(`/api/cases/${caseId}/actions/submit`, { body: { comment: value } }), 'comment');
    });

    it.each(BAD_COMMAND_IDS)('POST /api/cases/:id/actions/:action: a commandId %s', async (_what, commandId) => {
      expectFieldRefused(await asApplicant(`/api/cases/${caseId}/actions/submit`, { body: { commandId } }), 'commandId');
    });
  });

  describe('missing and unknown fields', () => {
    it.each(DRAFT_FIELDS)('POST /api/cases without %s', async (field) => {
      const { [field as keyof ReturnType<typeof basicInformation>]: _, ...body } = basicInformation(matter.id);
      expectFieldRefused(await asApplicant('/api/cases', { body }), field);
    });

    it('POST /api/cases with nothing names every field', async () => {
      const answer = await asApplicant('/api/cases', { body: {} });
      expectRefused(answer, 400, 'VALIDATION_FAILED');
      expect(answer.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual([...DRAFT_FIELDS].sort());
    });

    it.each(LOGIN_FIELDS)('POST /api/identity/login without %s', async (field) => {
      const { [field as 'username']: _, ...body } = { username: applicantName, password: 'Grassland-2026' };
      expectFieldRefused(await call('/api/identity/login', { body }), field);
    });

    it.each([
      ['POST /api/cases', '/api/cases', () => basicInformation(matter.id)],
      ['register', '/api/identity/register', () => ({ username: `probe-${randomUUID().slice(0, 8)}`, displayName: '张三', password: 'Grassland-2026' })],
      ['login', '/api/identity/login', () => ({ username: applicantName, password: 'Grassland-2026' })],
      ['an action', '', () => ({ comment: 'x' })],
    ] as const)('%s with unknown fields, including __proto__ and constructor', async (_what, path, valid) => {
      for (const extra of ['{"status":"closed"}', '{"__proto__":{"isAdmin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"roles":["admin"]}']) {
        const body = JSON.stringify(valid()).replace(/}$/, `,${extra.slice(1)}`);
        const answer = await asApplicant(path || `/api/cases/${caseId}/actions/submit`, { body });
        expectFieldRefused(answer, Object.keys(JSON.parse(extra))[0]);
      }
    });
  });

  describe('bodies that are not a JSON object', () => {
    it.each(NON_OBJECT_BODIES.flatMap(([what, body]) => [
      ['POST /api/cases', '/api/cases', what, body],
      ['login', '/api/identity/login', what, body],
      ['register', '/api/identity/register', what, body],
      ['an action', 'ACTION', what, body],
    ]))('%s with %s', async (_endpoint, path, _what, body) => {
      expectRefused(await asApplicant(path === 'ACTION' ? `/api/cases/${caseId}/actions/submit` : path, { body }), 400);
    });

    it.each(WRONG_CONTENT_TYPES.flatMap(([what, type, body]) => [
      ['POST /api/cases', '/api/cases', what, type, body],
      ['login', '/api/identity/login', what, type, body],
      ['register', '/api/identity/register', what, type, body],
      ['an action', 'ACTION', what, type, body],
    ]))('%s sent as %s', async (_endpoint, path, _what, contentType, body) => {
      const answer = await asApplicant(path === 'ACTION' ? `/api/cases/${caseId}/actions/submit` : path, { body, contentType });
      expectRefused(answer, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    // Read as no body at all, these would log in, or carry out a transition without its comment.
    it('a form-encoded login with the right password is refused, not carried out', async () => {
      const body = new URLSearchParams({ username: 'window1', password: deployment.passwords.window1 }).toString();
      expectRefused(await call('/api/identity/login', { body, contentType: 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a body without a content type is refused', async () => {
      const response = await fetch(`${deployment.baseUrl}/api/cases/${caseId}/actions/submit`, {
        method: 'POST', headers: { authorization: `Bearer ${applicant.token}` }, body: new Uint8Array(Buffer.from('{"comment":"x"}')),
      });
      expectRefused({ status: response.status, body: await response.json() }, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('a JSON body larger than the limit is 413', async () => {
      expectRefused(await asApplicant('/api/cases', { body: { ...basicInformation(matter.id), projectName: 'x'.repeat(200_000) } }), 413, 'PAYLOAD_TOO_LARGE');
    });
  });

  describe('malformed ids in the path', () => {
    const routes: [string, (id: string) => string, string, string?][] = [
      ['GET /api/matters/:matterId', (id) => `/api/matters/${id}`, 'matterId'],
      ['GET …/materials/:itemId/template (matter)', (id) => `/api/matters/${id}/materials/${randomUUID()}/template`, 'matterId'],
      ['GET …/materials/:itemId/template (item)', (id) => `/api/matters/${randomUUID()}/materials/${id}/template`, 'itemId'],
      ['GET /api/cases/:caseId', (id) => `/api/cases/${id}`, 'caseId'],
      ['GET /api/cases/:caseId/timeline', (id) => `/api/cases/${id}/timeline`, 'caseId'],
      ['GET /api/cases/:caseId/materials', (id) => `/api/cases/${id}/materials`, 'caseId'],
      ['POST /api/cases/:caseId/actions/submit', (id) => `/api/cases/${id}/actions/submit`, 'caseId', 'POST'],
      ['POST /api/cases/:caseId/materials/:requiredMaterialId (case)', (id) => `/api/cases/${id}/materials/${randomUUID()}`, 'caseId', 'UPLOAD'],
      ['POST /api/cases/:caseId/materials/:requiredMaterialId (item)', (id) => `/api/cases/${caseId}/materials/${id}`, 'requiredMaterialId', 'UPLOAD'],
      ['GET …/materials/:materialId/content (case)', (id) => `/api/cases/${id}/materials/${randomUUID()}/content`, 'caseId'],
      ['GET …/materials/:materialId/content (material)', (id) => `/api/cases/${caseId}/materials/${id}/content`, 'materialId'],
      ['PUT …/materials/:materialId/content (case)', (id) => `/api/cases/${id}/materials/${randomUUID()}/content`, 'caseId', 'REPLACE'],
      ['PUT …/materials/:materialId/content (material)', (id) => `/api/cases/${caseId}/materials/${id}/content`, 'materialId', 'REPLACE'],
      ['DELETE …/materials/:materialId', (id) => `/api/cases/${caseId}/materials/${id}`, 'materialId', 'DELETE'],
      ['POST /api/cases/:caseId/extra-materials', (id) => `/api/cases/${id}/extra-materials`, 'caseId', 'UPLOAD'],
      ['GET /api/cases/:caseId/material-checklist', (id) => `/api/cases/${id}/material-checklist`, 'caseId'],
      ['GET /api/cases/:caseId/supplementation-notices', (id) => `/api/cases/${id}/supplementation-notices`, 'caseId'],
      ['POST /api/cases/:caseId/withdrawal', (id) => `/api/cases/${id}/withdrawal`, 'caseId', 'POST'],
      ['POST /api/cases/:caseId/refiling', (id) => `/api/cases/${id}/refiling`, 'caseId', 'POST'],
    ];

    it.each(routes.flatMap(([route, path, field, method]) => BAD_UUIDS.map(([what, id]) => [route, what, path(id), field, method] as const)))(
      '%s with %s',
      async (_route, _what, path, field, method) => {
        const multipart = { body: '--x--\r\n', contentType: 'multipart/form-data; boundary=x' };
        const requests: Record<string, RawRequest> = { POST: { body: {} }, UPLOAD: multipart, REPLACE: { ...multipart, method: 'PUT' }, DELETE: { method: 'DELETE' } };
        const request: RawRequest = (method && requests[method]) || {};
        expectFieldRefused(await asApplicant(path, request), field);
      },
    );
  });

  describe('actions', () => {
    it.each(BAD_ACTIONS)('an action name with %s', async (_what, action) => {
      expectFieldRefused(await asApplicant(`/api/cases/${caseId}/actions/${action}`, { body: {} }), 'action');
    });

    it('an empty action name is not a route', async () => {
      expectRefused(await asApplicant(`/api/cases/${caseId}/actions/`, { body: {} }), 404);
    });

    it.each(INHERITED_NAMES)('"%s" is offered by no task: 409 STAGE_CONFLICT naming the stage', async (action) => {
      const answer = await asApplicant(`/api/cases/${caseId}/actions/${action}`, { body: {} });
      expectRefused(answer, 409, 'STAGE_CONFLICT');
      expect(answer.body.details).toMatchObject({ stage: 'application', availableActions: ['submit'] });
      expect(answer.body.message.zh).toContain(action);
    });

    it('an action on a case that does not exist is 404', async () => {
      expectRefused(await asApplicant(`/api/cases/${randomUUID()}/actions/submit`, { body: {} }), 404, 'CASE_NOT_FOUND');
      expectRefused(await call(`/api/cases/${randomUUID()}/actions/accept`, { token: window.token, body: {} }), 404, 'CASE_NOT_FOUND');
    });

    it("an action on another applicant's case is 404", async () => {
      expectRefused(await call(`/api/cases/${caseId}/actions/submit`, { token: other.token, body: {} }), 404, 'CASE_NOT_FOUND');
    });

    it.each([
      ['by another user', () => call(`/api/cases/${caseId}/actions/submit`, { token: other.token, body: { commandId: usedCommandId } })],
      ['for another action', () => asApplicant(`/api/cases/${caseId}/actions/preAccept`, { body: { commandId: usedCommandId } })],
      ['on another case', () => asApplicant(`/api/cases/${randomUUID()}/actions/submit`, { body: { commandId: usedCommandId } })],
      ['by staff on the same case', () => call(`/api/cases/${caseId}/actions/submit`, { token: window.token, body: { commandId: usedCommandId } })],
    ])('a commandId reused %s is 409 COMMAND_ID_REUSED', async (_what, request) => {
      expectRefused(await request(), 409, 'COMMAND_ID_REUSED');
    });

    it('the same command again gets its first answer', async () => {
      expectRefused(await asApplicant(`/api/cases/${caseId}/actions/submit`, { body: { commandId: usedCommandId } }), 422, 'MATERIALS_MISSING');
    });
  });

  describe('GET /api/commands/:commandId', () => {
    it.each([
      ['an unknown id', `unknown-${randomUUID()}`],
      ['a very long id', 'c'.repeat(4000)],
      ['an id with bad characters', encodeURIComponent('命令 ../ x')],
      ['an id with a NUL byte', 'command%00id'],
      ['an id with a lone surrogate', '%ED%A0%80'],
    ])('%s', async (_what, id) => {
      expectRefused(await asApplicant(`/api/commands/${id}`));
    });

    it("someone else's command is 404 COMMAND_NOT_FOUND", async () => {
      expectRefused(await call(`/api/commands/${usedCommandId}`, { token: other.token }), 404, 'COMMAND_NOT_FOUND');
      expectRefused(await call(`/api/commands/${usedCommandId}`, { token: window.token }), 404, 'COMMAND_NOT_FOUND');
    });

    it('one\'s own refused command answers its refusal', async () => {
      expectRefused(await asApplicant(`/api/commands/${usedCommandId}`), 422, 'MATERIALS_MISSING');
    });
  });

  describe('GET /api/tasks query parameters', () => {
    it.each([
      ['limit=0', 'limit'],
      ['limit=1000', 'limit'],
      ['limit=abc', 'limit'],
      ['limit=1.5', 'limit'],
      ['limit=', 'limit'],
      ['limit=1e400', 'limit'],
      ['limit=1&limit=2', 'limit'],
      ['offset=-1', 'offset'],
      ['offset=abc', 'offset'],
      ['offset=99999999999999999999', 'offset'],
      ['stage=', 'stage'],
      [`stage=${'s'.repeat(101)}`, 'stage'],
      ['stage=a&stage=b', 'stage'],
      ['stage=pre%00Acceptance', 'stage'],
      ['sort=stage', 'sort'],
      ['__proto__=x', '__proto__'],
      ['constructor=x', 'constructor'],
    ])('?%s', async (query, field) => {
      expectFieldRefused(await call(`/api/tasks?${query}`, { token: window.token }), field);
    });

    it.each(['noSuchStage', '%E5%8F%97%E7%90%86', '%ED%A0%80', '%FF'])('an unknown stage (%s) is an empty list, not an error', async (stage) => {
      const answer = await call(`/api/tasks?stage=${stage}`, { token: window.token });
      expect(answer.status).toBe(200);
      expect(answer.body.items).toEqual([]);
    });
  });

  describe('bearer tokens', () => {
    it.each(BAD_TOKENS)('%s', async (_what, headers) => {
      for (const [method, path] of [['GET', '/api/identity/me'], ['GET', '/api/cases'], ['GET', '/api/tasks'], ['POST', '/api/identity/logout']]) {
        expectRefused(await call(path, { method, headers }), 401, 'UNAUTHENTICATED');
      }
    });

    it('a logged-out token no longer works', async () => {
      const { client } = await newApplicant(deployment);
      expect((await client.post('/api/identity/logout')).status).toBe(204);
      expectRefused(await call('/api/identity/me', { token: client.token }), 401, 'UNAUTHENTICATED');
    });
  });

  describe('identity', () => {
    it.each([
      ['a wrong password', () => applicantName, 'Wrong-password-1'],
      ['an unknown user', () => `nobody-${randomUUID().slice(0, 8)}`, 'Grassland-2026'],
      ['a staff user with a wrong password', () => 'window1', 'Grassland-2026'],
      ['the username in another case', () => applicantName.toUpperCase(), 'Grassland-2026'],
    ])('login with %s is 401 INVALID_CREDENTIALS', async (_what, username, password) => {
      expectRefused(await call('/api/identity/login', { body: { username: username(), password } }), 401, 'INVALID_CREDENTIALS');
    });

    it.each([
      ['an applicant', () => applicantName],
      ['a staff member', () => 'window1'],
      ['with surrounding spaces', () => `  ${applicantName} `],
    ])('register of an existing username (%s) is 409 USERNAME_TAKEN', async (_what, username) => {
      const answer = await call('/api/identity/register', { body: { username: username(), displayName: '冒名者', password: 'Grassland-2026' } });
      expectRefused(answer, 409, 'USERNAME_TAKEN');
    });

    it.each([
      ['a short password', { password: 'Short-1' }, 'password'],
      ['a password without digits', { password: 'OnlyLettersHere' }, 'password'],
      ['a password over 128 characters', { password: `Aa1${'x'.repeat(200)}` }, 'password'],
      ['a username with spaces', { username: 'zhang san' }, 'username'],
      ['a Chinese username', { username: '张三丰' }, 'username'],
      ['a blank display name', { displayName: '   ' }, 'displayName'],
    ])('register with %s names the field', async (_what, change, field) => {
      const body = { username: `probe-${randomUUID().slice(0, 8)}`, displayName: '张三', password: 'Grassland-2026', ...change };
      expectFieldRefused(await call('/api/identity/register', { body }), field);
    });
  });

  describe('drafts', () => {
    it('for a matter that does not exist is 404 MATTER_NOT_FOUND', async () => {
      expectRefused(await asApplicant('/api/cases', { body: basicInformation(randomUUID()) }), 404, 'MATTER_NOT_FOUND');
    });

    it('by a staff member is 403', async () => {
      expectRefused(await call('/api/cases', { token: window.token, body: basicInformation(matter.id) }), 403, 'ROLE_NOT_ALLOWED');
    });

    it('the same organisation and project again is 409 CASE_DUPLICATE', async () => {
      expectRefused(await asApplicant('/api/cases', { body: draftInfo }), 409, 'CASE_DUPLICATE');
    });

    it.each([
      ['blank strings', { applicantOrganisation: '   ' }, 'applicantOrganisation'],
      ['a one-character organisation', { applicantOrganisation: '某' }, 'applicantOrganisation'],
      ['a malformed landline', { organisationPhone: '0471' }, 'organisationPhone'],
      ['a phone number with letters', { handlerPhone: '1380000000a' }, 'handlerPhone'],
      ['a matterId that is not a UUID', { matterId: 'LCJ-XK-001' }, 'matterId'],
    ])('with %s names the field', async (_what, change, field) => {
      expectFieldRefused(await asApplicant('/api/cases', { body: { ...basicInformation(matter.id), ...change } }), field);
    });
  });

  describe('uploads', () => {
    const item = () => matter.requiredMaterials[0].id;

    it.each([
      ['JSON instead of multipart', { body: { file: 'x' } }],
      ['a file name with a NUL byte and a path', { body: '--x\r\nContent-Disposition: form-data; name="file"; filename="../a\u0000.pdf"\r\n\r\n', contentType: 'multipart/form-data; boundary=x' }],
      ['text/plain', { body: 'just text', contentType: 'text/plain' }],
      ['multipart without a boundary', { body: 'x', contentType: 'multipart/form-data' }],
      ['multipart with no file part', { body: '--x\r\nContent-Disposition: form-data; name="note"\r\n\r\nhi\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x' }],
      ['truncated multipart', { body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nabc', contentType: 'multipart/form-data; boundary=x' }],
      ['no body', { method: 'POST' }],
    ] as [string, RawRequest][])('%s is refused', async (_what, request) => {
      expectRefused(await asApplicant(`/api/cases/${caseId}/materials/${item()}`, request));
    });

    it.each([
      ['a case that does not exist', 404, () => `/api/cases/${randomUUID()}/materials/${item()}`],
      ['a material item of no matter', 404, () => `/api/cases/${caseId}/materials/${randomUUID()}`],
    ] as const)('for %s is %d', async (_what, status, path) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('x')]), 'a.pdf');
      const response = await fetch(deployment.baseUrl + path(), { method: 'POST', headers: { authorization: `Bearer ${applicant.token}` }, body: form });
      expectRefused({ status: response.status, body: await response.json() }, status);
    });

    it('a material that does not exist is 404', async () => {
      expectRefused(await asApplicant(`/api/cases/${caseId}/materials/${randomUUID()}/content`), 404, 'MATERIAL_NOT_FOUND');
    });
  });

  it('unknown routes and methods answer 404 in the error shape', async () => {
    expectRefused(await call('/api/nothing-here'), 404);
    expectRefused(await asApplicant('/api/cases', { method: 'DELETE' }), 404);
    expectRefused(await asApplicant(`/api/cases/${caseId}`, { method: 'PATCH', body: {} }), 404);
  });

  describe('afterwards, nothing is lost or half-written', () => {
    it('the API is healthy and logged no unexpected error', async () => {
      const health = await api(deployment.baseUrl).get('/health');
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('up');
      expect(deployment.api.output()).not.toMatch(/INTERNAL_ERROR|ERROR \[/);
    });

    it('the draft is unchanged, with its one timeline entry, and no other case was created', async () => {
      const detail = await applicant.get(`/api/cases/${caseId}`);
      expect(detail.status).toBe(200);
      const { matterId, ...basic } = draftInfo;
      expect(detail.body).toMatchObject({ matterId, stage: 'application', status: 'open', basicInformation: basic });
      expect((await timelineOf(applicant, caseId)).map((e) => e.action)).toEqual(['create']);
      expect((await applicant.get('/api/cases')).body.map((c: { id: string }) => c.id)).toEqual([caseId]);
      expect((await other.get('/api/cases')).body).toEqual([]);
      expect((await applicant.get(`/api/cases/${caseId}/materials`)).body).toEqual([]);
    });

    it('accounts still work: the applicant and staff log in with their passwords', async () => {
      expect((await api(deployment.baseUrl).post('/api/identity/login', { username: applicantName, password: 'Grassland-2026' })).status).toBe(200);
      await loginAs(deployment, 'window1');
    });

    it('a normal case can still be filed, submitted and pre-accepted', async () => {
      const { client } = await newApplicant(deployment);
      const filed = await fileSubmittedCase(deployment, client);
      const preAccepted = await window.post(`/api/cases/${filed}/actions/preAccept`, { comment: '材料齐全' });
      expect(preAccepted.status).toBe(200);
      expect(preAccepted.body.case.stage).toBe('acceptance');
    });
  });
});
