import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomBytes } from 'node:crypto';
import { api } from '../support/http.js';
import { storedObjects } from '../support/stored-objects.js';
import {
  basicInformation, type Client, deploy, type Deployment, fileSubmittedCase, loginAs, MODES, newApplicant, sendFile, smallPdf,
} from '../support/tongban.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A small file that passes as a .docx by its first bytes (a ZIP container). */
const smallDocx = () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(1500)]);
const NO_SUCH_ID = '0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a90';

let codes = 0;
const uniqueCode = () => `TEST-XK-${process.pid}-${++codes}`;

/** A valid matter: every element of the service guide. */
function matterBody(departmentId: string, overrides: Record<string, unknown> = {}) {
  return {
    code: uniqueCode(),
    name: '草原征占用审核（测试）',
    departmentId,
    kind: 'standard',
    processKey: 'standard-licensing',
    matterType: 'administrative_licence',
    exerciseLevel: 'municipal',
    serviceObjects: ['enterprise_legal_person', 'public_institution_legal_person'],
    caseType: 'commitment',
    legalBasis: '《中华人民共和国草原法》第三十八条\n《草原征占用审核审批管理规范》',
    conditions: '矿藏开采和工程建设确需征收、征用或者使用草原的。',
    quantityLimit: '无数量限制',
    legalLimitDays: 20,
    promisedLimitDays: 10,
    limitUnit: 'working_days',
    warningWorkingDays: 3,
    fees: '不收费',
    chargesFee: false,
    feeBasis: null,
    onlinePayment: false,
    handlingForms: ['window', 'online_pc'],
    onlineServiceDepth: [1, 2, 3, 4, 5, 6, 7],
    appointmentAvailable: true,
    siteVisits: 0,
    siteVisitReason: null,
    resultType: 'document',
    resultName: '草原征占用审核同意书',
    issuesElectronicLicence: true,
    pickupMethods: ['electronic', 'courier'],
    pickupPlace: '电子文书推送至申请人账户',
    handlingPlace: '呼和浩特市政务服务中心二楼林业和草原局窗口',
    handlingHours: '周一至周五 9:00—12:00，13:30—17:30',
    consultationPhone: '0471-4602319',
    complaintPhone: '0471-12345',
    faqs: [{ question: '征占用草原需要缴纳什么费用？', answer: '按规定缴纳草原植被恢复费。' }],
    ...overrides,
  };
}

/** A valid material item. */
function itemBody(overrides: Record<string, unknown> = {}) {
  return {
    name: `草原征占用申请书-${randomBytes(3).toString('hex')}`,
    description: '载明征占用地点、面积、用途',
    originalCopies: 1,
    photocopies: 0,
    isRequired: true,
    source: 'applicant',
    issuer: null,
    form: 'paper_and_electronic',
    fillingNotes: '加盖申请单位公章',
    acceptedFormats: ['pdf', 'ofd'],
    maxFiles: 2,
    ...overrides,
  };
}

/** The fields a 400 names, sorted; every problem starts with the last part of its field's name. */
function refusedFields(answer: { status: number; body: any }): string[] {
  expect([answer.status, answer.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  for (const { field, problems } of answer.body.details.fields) for (const problem of problems) expect(problem).toContain(field.split('.').at(-1));
  return answer.body.details.fields.map((f: { field: string }) => f.field).sort();
}

// 事项管理: administrators create, edit, publish and withdraw matters with their whole guide, materials and blank forms.
describe.each(MODES)('matter catalogue administration (%s mode)', (mode) => {
  let deployment: Deployment;
  let admin: Client;
  let applicant: Client;
  let lcj: string;
  const publicApi = () => api(deployment.baseUrl);
  const historyOf = async (matterId: string) => (await admin.get(`/api/admin/matters/${matterId}/history`)).body as { action: string; details: any; comment: string | null }[];
  const createMatter = async (overrides: Record<string, unknown> = {}) => {
    const created = await admin.post('/api/admin/matters', matterBody(lcj, overrides));
    expect(created.status === 201 ? 201 : created.body).toBe(201);
    return created.body;
  };
  const addItem = async (matterId: string, overrides: Record<string, unknown> = {}) => {
    const added = await admin.post(`/api/admin/matters/${matterId}/materials`, itemBody(overrides));
    expect(added.status === 201 ? 201 : added.body).toBe(201);
    return added.body;
  };
  const uploadTemplate = (matterId: string, itemId: string, content: Buffer, fileName: string) =>
    sendFile(deployment, admin, `/api/admin/matters/${matterId}/materials/${itemId}/template`, { content, fileName, method: 'PUT' });

  beforeAll(async () => {
    deployment = await deploy(mode);
    admin = await loginAs(deployment, 'admin1');
    ({ client: applicant } = await newApplicant(deployment));
    lcj = (await publicApi().get('/api/departments')).body.find((d: { code: string }) => d.code === 'LCJ').id;
  });
  afterAll(() => deployment?.stop());

  it('lists the demo matters, published by the migration and the seed, with their kind and process', async () => {
    const listed = await admin.get('/api/admin/matters?status=published');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((m: any) => [m.code, m.status, m.kind, m.processKey])).toEqual([
      ['LCJ-XK-001', 'published', 'standard', 'standard-licensing'],
      ['SCJG-XK-012', 'published', 'commitment', 'notification-commitment'],
      ['SCJG-XK-015', 'published', 'instant', 'instant'],
      ['ZRZY-XK-003', 'published', 'parallel', 'parallel-approval'],
    ]);
    expect(listed.body.items[0]).toMatchObject({ statusName: '已发布 Published', kindName: expect.stringContaining('承诺办理'), warningWorkingDays: 3 });
    expect((await admin.get('/api/admin/matters?status=draft')).body.total).toBe(0);
    expect(refusedFields(await admin.get('/api/admin/matters?status=gone'))).toEqual(['status']);
  });

  describe('who may administer the catalogue', () => {
    it('refuses everyone but administrators with 403, and anonymous requests with 401', async () => {
      const matter = await createMatter();
      const others = [applicant, await loginAs(deployment, 'window1'), await loginAs(deployment, 'designer1'), await loginAs(deployment, 'supervisor1')];
      for (const client of others) {
        const answers = [
          await client.get('/api/admin/matters'),
          await client.get(`/api/admin/matters/${matter.id}`),
          await client.post('/api/admin/matters', matterBody(lcj)),
          await client.put(`/api/admin/matters/${matter.id}`, { name: '改名' }),
          await client.post(`/api/admin/matters/${matter.id}/publish`),
          await client.post(`/api/admin/matters/${matter.id}/withdraw`, { reason: '停止' }),
          await client.post(`/api/admin/matters/${matter.id}/materials`, itemBody()),
          await client.put(`/api/admin/matters/${matter.id}/material-order`, { itemIds: [] }),
          await client.get(`/api/admin/matters/${matter.id}/history`),
          await sendFile(deployment, client, `/api/admin/matters/${matter.id}/materials/${NO_SUCH_ID}/template`, { content: smallDocx(), fileName: 'a.docx', method: 'PUT' }),
        ];
        expect(answers.map((a) => [a.status, a.body.code])).toEqual(answers.map(() => [403, 'ROLE_NOT_ALLOWED']));
      }
      expect((await publicApi().get('/api/admin/matters')).status).toBe(401);
      expect((await admin.get(`/api/admin/matters/${matter.id}`)).body).toMatchObject({ name: matter.name, status: 'draft' });
      expect(await historyOf(matter.id)).toEqual([expect.objectContaining({ action: 'matter.create' })]);
    });
  });

  describe('creating a matter', () => {
    it('creates a draft with every element of the guide, recorded in the trail', async () => {
      const body = matterBody(lcj, { code: `  ${uniqueCode().toLowerCase()} ` });
      const created = await admin.post('/api/admin/matters', body);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        code: body.code.trim().toUpperCase(),
        status: 'draft',
        statusName: '草稿（未发布）Draft, not published',
        kind: 'standard',
        processKey: 'standard-licensing',
        department: { id: lcj, code: 'LCJ' },
        legalBasis: body.legalBasis,
        legalLimitDays: 20,
        promisedLimitDays: 10,
        warningWorkingDays: 3,
        onlineServiceLevel: 4,
        serviceObjects: [{ code: 'enterprise_legal_person', name: expect.any(String) }, { code: 'public_institution_legal_person', name: expect.any(String) }],
        faqs: body.faqs,
        requiredMaterials: [],
      });
      const [entry] = await historyOf(created.body.id);
      expect(entry).toMatchObject({ action: 'matter.create', details: { matterId: created.body.id, code: created.body.code } });
    });

    const SHAPE_ERRORS: [string, Record<string, unknown>, string[]][] = [
      ['no code', { code: undefined }, ['code']],
      ['a code with spaces inside', { code: 'LCJ XK 9' }, ['code']],
      ['a code of 65 characters', { code: 'A'.repeat(65) }, ['code']],
      ['an empty name', { name: '   ' }, ['name']],
      ['a department that is no id', { departmentId: 'LCJ' }, ['departmentId']],
      ['an unknown kind', { kind: 'express' }, ['kind']],
      ['no process', { processKey: '' }, ['processKey']],
      ['an unknown matter type', { matterType: 'licence' }, ['matterType']],
      ['an unknown exercise level', { exerciseLevel: 'galactic' }, ['exerciseLevel']],
      ['no service objects', { serviceObjects: [] }, ['serviceObjects']],
      ['a repeated service object', { serviceObjects: ['natural_person', 'natural_person'] }, ['serviceObjects']],
      ['an unknown service object', { serviceObjects: ['alien'] }, ['serviceObjects']],
      ['an unknown case type', { caseType: 'express' }, ['caseType']],
      ['an empty legal basis', { legalBasis: '' }, ['legalBasis']],
      ['no conditions', { conditions: null }, ['conditions']],
      ['a legal limit of 0', { legalLimitDays: 0, promisedLimitDays: 0 }, ['legalLimitDays']],
      ['a fractional legal limit', { legalLimitDays: 20.5 }, ['legalLimitDays']],
      ['a negative promised limit', { promisedLimitDays: -1 }, ['promisedLimitDays']],
      ['a limit in hours', { limitUnit: 'hours' }, ['limitUnit']],
      ['no warning days', { warningWorkingDays: 0 }, ['warningWorkingDays']],
      ['a fee flag that is text', { chargesFee: 'no' }, ['chargesFee']],
      ['no handling forms', { handlingForms: [] }, ['handlingForms']],
      ['a depth code of 8', { onlineServiceDepth: [1, 8] }, ['onlineServiceDepth']],
      ['a repeated depth code', { onlineServiceDepth: [1, 1] }, ['onlineServiceDepth']],
      ['negative site visits', { siteVisits: -1 }, ['siteVisits']],
      ['an unknown result type', { resultType: 'trophy' }, ['resultType']],
      ['an unknown pickup method', { pickupMethods: ['drone'] }, ['pickupMethods']],
      ['a consultation phone without a number', { consultationPhone: '请来电咨询' }, ['consultationPhone']],
      ['a FAQ without its answer and question', { faqs: [{ question: '', answer: '' }] }, ['faqs.0.answer', 'faqs.0.question']],
      ['FAQs that are not a list', { faqs: 'none' }, ['faqs']],
      ['an unknown field', { colour: 'red' }, ['colour']],
      ['several at once', { code: '', kind: 'x', legalLimitDays: 'twenty', handlingForms: ['fax'] }, ['code', 'handlingForms', 'kind', 'legalLimitDays']],
    ];
    it.each(SHAPE_ERRORS)('refuses %s, naming the field', async (_what, overrides, fields) => {
      expect(refusedFields(await admin.post('/api/admin/matters', matterBody(lcj, overrides)))).toEqual(fields);
    });

    const RULE_ERRORS: [string, Record<string, unknown>, string[]][] = [
      ['a promised limit beyond the legal one', { legalLimitDays: 20, promisedLimitDays: 21 }, ['promisedLimitDays']],
      ['an instant matter that is not an instant case', { kind: 'instant', processKey: 'instant', caseType: 'commitment' }, ['caseType']],
      ['an instant case of a standard matter', { caseType: 'instant' }, ['caseType']],
      ['a parallel approval in calendar days beyond 45', { kind: 'parallel', processKey: 'parallel-approval', limitUnit: 'calendar_days', legalLimitDays: 46 }, ['legalLimitDays', 'limitUnit']],
      ['a warning longer than the promised limit', { promisedLimitDays: 2, warningWorkingDays: 3 }, ['warningWorkingDays']],
      ['a fee without its legal basis', { chargesFee: true, fees: '每件 50 元', feeBasis: null }, ['feeBasis']],
      ['online payment of nothing', { onlinePayment: true }, ['onlinePayment']],
      ['a visit without its reason', { siteVisits: 1, siteVisitReason: null }, ['siteVisitReason']],
      ['the same phone for consultation and complaints', { complaintPhone: '0471-4602319' }, ['complaintPhone']],
      ['a process that does not exist', { processKey: 'no-such-process' }, ['processKey']],
      ['a process of another kind', { kind: 'commitment', processKey: 'standard-licensing' }, ['processKey']],
      ['a department that does not exist', { departmentId: NO_SUCH_ID }, ['departmentId']],
      ['several at once', { promisedLimitDays: 30, complaintPhone: '0471-4602319', processKey: 'instant', departmentId: NO_SUCH_ID }, ['complaintPhone', 'departmentId', 'processKey', 'promisedLimitDays']],
    ];
    it.each(RULE_ERRORS)('refuses %s, naming the field', async (_what, overrides, fields) => {
      const answer = await admin.post('/api/admin/matters', matterBody(lcj, overrides));
      expect(refusedFields(answer)).toEqual(fields);
    });

    it('explains the rule that was broken', async () => {
      const answer = await admin.post('/api/admin/matters', matterBody(lcj, { kind: 'commitment', promisedLimitDays: 25 }));
      expect(answer.body.details.fields).toEqual([
        { field: 'promisedLimitDays', problems: ['promisedLimitDays (25) must not exceed legalLimitDays (20): the promised limit is kept within the legal one'] },
        { field: 'processKey', problems: [expect.stringMatching(/^processKey standard-licensing runs cases of kind standard \(its active version \d+\), not commitment/)] },
      ]);
    });

    it('refuses a code another matter has, in any case of its letters (409)', async () => {
      for (const code of ['LCJ-XK-001', 'lcj-xk-001']) {
        const answer = await admin.post('/api/admin/matters', matterBody(lcj, { code }));
        expect([answer.status, answer.body.code]).toEqual([409, 'MATTER_CODE_TAKEN']);
        expect(answer.body.details.fields).toEqual([{ field: 'code', problems: ['code LCJ-XK-001 is already used by another matter'] }]);
      }
      expect((await admin.get('/api/admin/matters?q=LCJ-XK-001')).body.total).toBe(1);
    });
  });

  describe('editing a matter', () => {
    let matter: any;
    beforeAll(async () => {
      matter = await createMatter();
    });

    it('changes the fields given, keeps the others, and records what changed from what', async () => {
      const edited = await admin.put(`/api/admin/matters/${matter.id}`, { name: '草原征占用审核', promisedLimitDays: 8, faqs: [] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ name: '草原征占用审核', promisedLimitDays: 8, legalLimitDays: 20, faqs: [], code: matter.code, status: 'draft' });
      const [entry] = await historyOf(matter.id);
      expect(entry).toMatchObject({
        action: 'matter.update',
        details: { changes: { name: { from: matter.name, to: '草原征占用审核' }, promisedLimitDays: { from: 10, to: 8 }, faqs: { from: matter.faqs, to: [] } } },
      });
    });

    it('records nothing when nothing changes', async () => {
      const before = await historyOf(matter.id);
      expect((await admin.put(`/api/admin/matters/${matter.id}`, { name: '草原征占用审核', faqs: [] })).status).toBe(200);
      expect((await admin.put(`/api/admin/matters/${matter.id}`, {})).status).toBe(200);
      expect(await historyOf(matter.id)).toEqual(before);
    });

    it('holds an edit to the rules with the other fields as they are', async () => {
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}`, { promisedLimitDays: 21 }))).toEqual(['promisedLimitDays']);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}`, { kind: 'instant' }))).toEqual(['caseType', 'processKey']);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}`, { chargesFee: true }))).toEqual(['feeBasis']);
      const changed = await admin.put(`/api/admin/matters/${matter.id}`, { kind: 'instant', caseType: 'instant', processKey: 'instant' });
      expect(changed.status).toBe(200);
      expect(changed.body).toMatchObject({ kind: 'instant', caseType: 'instant', processKey: 'instant' });
      // An instant matter has no warning phase, so its warning may exceed its promised limit.
      expect((await admin.put(`/api/admin/matters/${matter.id}`, { promisedLimitDays: 0 })).status).toBe(200);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}`, { kind: 'standard', caseType: 'commitment', processKey: 'standard-licensing' }))).toEqual(['warningWorkingDays']);
    });

    it('clears what may be empty with null, and refuses null for what may not', async () => {
      expect((await admin.put(`/api/admin/matters/${matter.id}`, { siteVisits: 1, siteVisitReason: '需当面核验原件' })).body.siteVisitReason).toBe('需当面核验原件');
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}`, { siteVisitReason: null }))).toEqual(['siteVisitReason']);
      expect((await admin.put(`/api/admin/matters/${matter.id}`, { siteVisits: 0, siteVisitReason: null })).body.siteVisitReason).toBeNull();
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}`, { name: null, legalLimitDays: null, faqs: null }))).toEqual(['faqs', 'legalLimitDays', 'name']);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}`, { id: NO_SUCH_ID, status: 'published' }))).toEqual(['id', 'status']);
    });

    it('moves a matter without cases to another department', async () => {
      const hj = (await publicApi().get('/api/departments')).body.find((d: { code: string }) => d.code === 'HJ').id;
      const moved = await admin.put(`/api/admin/matters/${matter.id}`, { departmentId: hj });
      expect([moved.status, moved.body.department?.code]).toEqual([200, 'HJ']);
    });

    it('refuses to take another matter’s code, and answers 404 for a matter that does not exist', async () => {
      const taken = await admin.put(`/api/admin/matters/${matter.id}`, { code: 'scjg-xk-012' });
      expect([taken.status, taken.body.code]).toEqual([409, 'MATTER_CODE_TAKEN']);
      expect((await admin.put(`/api/admin/matters/${NO_SUCH_ID}`, { name: 'x' })).body.code).toBe('MATTER_NOT_FOUND');
      expect((await admin.get(`/api/admin/matters/${NO_SUCH_ID}`)).status).toBe(404);
      expect(refusedFields(await admin.put('/api/admin/matters/not-a-uuid', { name: 'x' }))).toEqual(['matterId']);
    });
  });

  describe('the list of required materials', () => {
    let matter: any;
    const items = async () => (await admin.get(`/api/admin/matters/${matter.id}`)).body.requiredMaterials as any[];
    beforeAll(async () => {
      matter = await createMatter();
    });

    it('adds items at the end, with every element the guide shows', async () => {
      const first = await addItem(matter.id, { name: '征占用草原申请书' });
      const second = await addItem(matter.id, { name: '草原权属证明', originalCopies: 0, photocopies: 1, source: 'government', issuer: '旗县级人民政府', acceptedFormats: ['pdf', 'jpg'] });
      expect(first).toMatchObject({ name: '征占用草原申请书', position: 0, materialType: 'original', sourceName: '申请人自备 Prepared by the applicant', maxFiles: 2, template: null });
      expect(second).toMatchObject({ position: 1, materialType: 'copy', issuer: '旗县级人民政府', acceptedFormats: ['pdf', 'jpg'] });
      expect((await items()).map((item) => item.name)).toEqual(['征占用草原申请书', '草原权属证明']);
      expect((await historyOf(matter.id)).slice(0, 2).map((entry) => entry.action)).toEqual(['matter.material.add', 'matter.material.add']);
    });

    const ITEM_ERRORS: [string, Record<string, unknown>, string[]][] = [
      ['no name', { name: '' }, ['name']],
      ['a format nobody can check', { acceptedFormats: ['exe'] }, ['acceptedFormats']],
      ['no formats', { acceptedFormats: [] }, ['acceptedFormats']],
      ['no files allowed', { maxFiles: 0 }, ['maxFiles']],
      ['too many files', { maxFiles: 51 }, ['maxFiles']],
      ['an unknown source', { source: 'friend' }, ['source']],
      ['an unknown form', { form: 'stone' }, ['form']],
      ['copies that are not numbers', { originalCopies: 'one' }, ['originalCopies']],
      ['paper copies of an electronic material', { form: 'electronic', originalCopies: 1, photocopies: 2 }, ['originalCopies', 'photocopies']],
      ['a paper material handed in as nothing', { form: 'paper', originalCopies: 0, photocopies: 0 }, ['originalCopies']],
      ['a material some department issues, without the issuer', { source: 'government', issuer: null }, ['issuer']],
      ['an unknown field', { matterId: NO_SUCH_ID }, ['matterId']],
    ];
    it.each(ITEM_ERRORS)('refuses an item with %s, naming the field', async (_what, overrides, fields) => {
      expect(refusedFields(await admin.post(`/api/admin/matters/${matter.id}/materials`, itemBody(overrides)))).toEqual(fields);
    });

    it('refuses a name the matter already lists (409)', async () => {
      const again = await admin.post(`/api/admin/matters/${matter.id}/materials`, itemBody({ name: '征占用草原申请书' }));
      expect([again.status, again.body.code]).toEqual([409, 'MATERIAL_ITEM_NAME_TAKEN']);
      expect(again.body.details.fields[0].field).toBe('name');
    });

    it('edits an item, held to the rules with its other fields', async () => {
      const [first, second] = await items();
      const edited = await admin.put(`/api/admin/matters/${matter.id}/materials/${first.id}`, { isRequired: false, fillingNotes: null, acceptedFormats: ['pdf', 'docx'] });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ id: first.id, isRequired: false, fillingNotes: null, acceptedFormats: ['pdf', 'docx'], name: first.name });
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}/materials/${first.id}`, { form: 'electronic' }))).toEqual(['originalCopies']);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}/materials/${second.id}`, { issuer: null }))).toEqual(['issuer']);
      const renamed = await admin.put(`/api/admin/matters/${matter.id}/materials/${second.id}`, { name: first.name });
      expect([renamed.status, renamed.body.code]).toEqual([409, 'MATERIAL_ITEM_NAME_TAKEN']);
      const [entry] = await historyOf(matter.id);
      expect(entry).toMatchObject({ action: 'matter.material.update', details: { itemId: first.id, changes: { isRequired: { from: true, to: false } } } });
    });

    it('reorders the items when the new order names each of them once', async () => {
      const third = await addItem(matter.id, { name: '征占用范围图' });
      const [first, second] = await items();
      const reordered = await admin.put(`/api/admin/matters/${matter.id}/material-order`, { itemIds: [third.id, first.id, second.id] });
      expect(reordered.status).toBe(200);
      expect(reordered.body.map((item: any) => [item.name, item.position])).toEqual([['征占用范围图', 0], [first.name, 1], [second.name, 2]]);
      expect((await items()).map((item) => item.id)).toEqual([third.id, first.id, second.id]);
      const [entry] = await historyOf(matter.id);
      expect(entry).toMatchObject({ action: 'matter.material.reorder', details: { from: [first.id, second.id, third.id], to: [third.id, first.id, second.id] } });
      expect((await admin.put(`/api/admin/matters/${matter.id}/material-order`, { itemIds: [third.id, first.id, second.id] })).status).toBe(200);
      expect((await historyOf(matter.id))[0]).toEqual(entry);

      const missing = await admin.put(`/api/admin/matters/${matter.id}/material-order`, { itemIds: [third.id, first.id] });
      expect(refusedFields(missing)).toEqual(['itemIds']);
      expect(missing.body.details.fields[0].problems[0]).toContain(`missing: ${second.name}`);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}/material-order`, { itemIds: [third.id, first.id, second.id, NO_SUCH_ID] }))).toEqual(['itemIds']);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}/material-order`, { itemIds: [third.id, first.id, first.id] }))).toEqual(['itemIds']);
      expect(refusedFields(await admin.put(`/api/admin/matters/${matter.id}/material-order`, { itemIds: ['x'] }))).toEqual(['itemIds']);
      expect((await items()).map((item) => item.id)).toEqual([third.id, first.id, second.id]);
    });

    it('removes an item no case used, with its blank form', async () => {
      const [third] = await items();
      expect((await uploadTemplate(matter.id, third.id, smallDocx(), '范围图.docx')).status).toBe(200);
      const removed = await admin.delete(`/api/admin/matters/${matter.id}/materials/${third.id}`);
      expect(removed.status).toBe(204);
      expect((await items()).map((item) => item.name)).not.toContain('征占用范围图');
      expect((await admin.delete(`/api/admin/matters/${matter.id}/materials/${third.id}`)).body.code).toBe('MATERIAL_ITEM_NOT_FOUND');
      expect((await historyOf(matter.id))[0]).toMatchObject({ action: 'matter.material.remove', details: { itemId: third.id, template: '范围图.docx' } });
    });

    it('keeps an item some case handed in (409), so that no case loses it from its checklist', async () => {
      const grassland = (await publicApi().get('/api/matters?q=LCJ-XK-001')).body.items[0];
      const caseId = await fileSubmittedCase(deployment, applicant);
      const [application] = (await admin.get(`/api/admin/matters/${grassland.id}`)).body.requiredMaterials;
      const refused = await admin.delete(`/api/admin/matters/${grassland.id}/materials/${application.id}`);
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([409, 'MATERIAL_ITEM_IN_USE', { cases: expect.any(Number) }]);
      expect(refused.body.message.zh).toContain(application.name);
      const checklist = await applicant.get(`/api/cases/${caseId}/material-checklist`);
      expect(checklist.body.items[0]).toMatchObject({ id: application.id, submitted: [expect.objectContaining({ round: 1 })] });
      expect((await historyOf(grassland.id)).map((entry) => entry.action)).not.toContain('matter.material.remove');
    });
  });

  describe('blank forms', () => {
    let matter: any;
    let item: any;
    beforeAll(async () => {
      matter = await createMatter();
      item = await addItem(matter.id);
    });

    it('uploads a form, downloaded by the administrator while the matter is a draft and by anyone once published', async () => {
      const content = smallDocx();
      const uploaded = await uploadTemplate(matter.id, item.id, content, '征占用申请书.docx');
      expect(uploaded.status).toBe(200);
      expect(uploaded.body).toEqual({
        fileName: '征占用申请书.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        sizeBytes: content.length,
        sha256: sha256(content),
        downloadUrl: `/api/matters/${matter.id}/materials/${item.id}/template`,
      });
      const formsOfMatter = async () => (await publicApi().get(`/api/forms?q=${encodeURIComponent(matter.code)}`)).body.items.map((form: any) => form.fileName);
      expect((await fetch(deployment.baseUrl + uploaded.body.downloadUrl)).status).toBe(404);
      expect(await formsOfMatter()).toEqual([]);
      const byAdmin = await fetch(`${deployment.baseUrl}/api/admin/matters/${matter.id}/materials/${item.id}/template`, { headers: { authorization: `Bearer ${admin.token}` } });
      expect(sha256(Buffer.from(await byAdmin.arrayBuffer()))).toBe(sha256(content));

      expect((await admin.post(`/api/admin/matters/${matter.id}/publish`)).status).toBe(200);
      const download = await fetch(deployment.baseUrl + uploaded.body.downloadUrl);
      expect(download.status).toBe(200);
      expect(download.headers.get('x-content-sha256')).toBe(sha256(content));
      expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
      const guide = (await publicApi().get(`/api/matters/${matter.id}`)).body;
      expect(guide.requiredMaterials[0].template).toEqual(uploaded.body);
      expect(await formsOfMatter()).toEqual(['征占用申请书.docx']);
    });

    it('replaces the form, removing the file it replaced from storage', async () => {
      const before = (await storedObjects(deployment, 'templates/')).map(sha256);
      const old = (await publicApi().get(`/api/matters/${matter.id}`)).body.requiredMaterials[0].template;
      const content = smallPdf();
      const replaced = await uploadTemplate(matter.id, item.id, content, '征占用申请书（样表）.pdf');
      expect([replaced.status, replaced.body.contentType, replaced.body.sha256]).toEqual([200, 'application/pdf', sha256(content)]);
      const after = (await storedObjects(deployment, 'templates/')).map(sha256);
      expect(after).toContain(sha256(content));
      expect(after).not.toContain(old.sha256);
      expect(after).toHaveLength(before.length);
      const download = await fetch(deployment.baseUrl + replaced.body.downloadUrl);
      expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
      expect((await historyOf(matter.id))[0]).toMatchObject({ action: 'matter.template.upload', details: { replaced: '征占用申请书.docx', sha256: sha256(content) } });
    });

    it('refuses a file that is not a form, is not what its name says, is empty or too large, and keeps the form it had', async () => {
      const kept = (await publicApi().get(`/api/matters/${matter.id}`)).body.requiredMaterials[0].template;
      const stored = (await storedObjects(deployment, 'templates/')).length;
      const refusals = [
        [await uploadTemplate(matter.id, item.id, smallDocx(), 'setup.exe'), 415, 'FILE_FORMAT_NOT_ACCEPTED'],
        [await uploadTemplate(matter.id, item.id, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(100)]), '照片.png'), 415, 'FILE_FORMAT_NOT_ACCEPTED'],
        [await uploadTemplate(matter.id, item.id, Buffer.concat([Buffer.from('MZ'), randomBytes(500)]), '申请书.docx'), 415, 'FILE_CONTENT_MISMATCH'],
        [await uploadTemplate(matter.id, item.id, smallPdf(), '申请书.docx'), 415, 'FILE_CONTENT_MISMATCH'],
        [await uploadTemplate(matter.id, item.id, Buffer.alloc(0), '申请书.pdf'), 400, 'EMPTY_FILE'],
        [await uploadTemplate(matter.id, item.id, smallPdf(20 * 1024 * 1024), '申请书.pdf'), 413, 'FILE_TOO_LARGE'],
      ] as const;
      expect(refusals.map(([answer]) => [answer.status, answer.body.code])).toEqual(refusals.map(([, status, code]) => [status, code]));
      expect(refusals[0][0].body.details.acceptedFormats).toEqual(['pdf', 'ofd', 'doc', 'docx', 'xls', 'xlsx']);
      expect(refusals[5][0].body.message.zh).toContain('20 MiB');
      expect((await publicApi().get(`/api/matters/${matter.id}`)).body.requiredMaterials[0].template).toEqual(kept);
      expect((await storedObjects(deployment, 'templates/')).length).toBe(stored);
      const notItem = await uploadTemplate(matter.id, NO_SUCH_ID, smallPdf(), 'a.pdf');
      expect([notItem.status, notItem.body.code]).toEqual([404, 'MATERIAL_ITEM_NOT_FOUND']);
    });

    it('removes the form: the guide then has none and the download is 404', async () => {
      const sha = (await publicApi().get(`/api/matters/${matter.id}`)).body.requiredMaterials[0].template.sha256;
      expect((await admin.delete(`/api/admin/matters/${matter.id}/materials/${item.id}/template`)).status).toBe(204);
      expect((await publicApi().get(`/api/matters/${matter.id}`)).body.requiredMaterials[0].template).toBeNull();
      const download = await publicApi().get(`/api/matters/${matter.id}/materials/${item.id}/template`);
      expect([download.status, download.body.code]).toEqual([404, 'TEMPLATE_NOT_FOUND']);
      expect((await storedObjects(deployment, 'templates/')).map(sha256)).not.toContain(sha);
      expect((await admin.delete(`/api/admin/matters/${matter.id}/materials/${item.id}/template`)).body.code).toBe('TEMPLATE_NOT_FOUND');
      expect((await historyOf(matter.id))[0]).toMatchObject({ action: 'matter.template.remove', details: { sha256: sha } });
    });
  });

  describe('publishing and withdrawing', () => {
    let matter: any;
    let filedCaseId: string;
    const inCatalogue = async () => (await publicApi().get(`/api/matters?q=${encodeURIComponent(matter.code)}`)).body.total === 1;
    const lcjCount = async () => (await publicApi().get('/api/departments')).body.find((d: { code: string }) => d.code === 'LCJ').matterCount;
    const draftFor = () => applicant.post('/api/cases', basicInformation(matter.id));

    beforeAll(async () => {
      matter = await createMatter({ name: '草原征占用审核（发布测试）' });
    });

    it('keeps a draft out of the catalogue, and refuses applications for it (409)', async () => {
      expect(await inCatalogue()).toBe(false);
      expect((await publicApi().get(`/api/matters/${matter.id}`)).body.code).toBe('MATTER_NOT_FOUND');
      const refused = await draftFor();
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([409, 'MATTER_NOT_PUBLISHED', { status: 'draft' }]);
      expect(refused.body.message.zh).toBe('事项“草原征占用审核（发布测试）”尚未发布，暂不能申报');
    });

    it('publishes only a whole guide: a matter without materials is 422', async () => {
      const incomplete = await admin.post(`/api/admin/matters/${matter.id}/publish`);
      expect([incomplete.status, incomplete.body.code]).toEqual([422, 'MATTER_INCOMPLETE']);
      expect(incomplete.body.details.fields.map((f: { field: string }) => f.field)).toEqual(['requiredMaterials']);
      expect((await admin.get(`/api/admin/matters/${matter.id}`)).body.status).toBe('draft');
    });

    it('publishes: the matter is in the catalogue, its department’s count and open to applications', async () => {
      await addItem(matter.id, { name: '征占用草原申请书' });
      const count = await lcjCount();
      const published = await admin.post(`/api/admin/matters/${matter.id}/publish`);
      expect(published.body).toEqual({ id: matter.id, status: 'published' });
      expect(await inCatalogue()).toBe(true);
      expect(await lcjCount()).toBe(count + 1);
      expect((await publicApi().get(`/api/matters/${matter.id}`)).body).toMatchObject({ code: matter.code, kind: 'standard' });
      filedCaseId = await fileSubmittedCase(deployment, applicant, matter.code);
      const again = await admin.post(`/api/admin/matters/${matter.id}/publish`);
      expect([again.status, again.body.code, again.body.details]).toEqual([409, 'MATTER_STATUS_CONFLICT', { status: 'published' }]);
    });

    it('withdraws with a reason: out of the catalogue, no new applications, the filed case runs on', async () => {
      expect(refusedFields(await admin.post(`/api/admin/matters/${matter.id}/withdraw`, {}))).toEqual(['reason']);
      const withdrawn = await admin.post(`/api/admin/matters/${matter.id}/withdraw`, { reason: '该事项已划转至市行政审批局办理' });
      expect(withdrawn.body).toEqual({ id: matter.id, status: 'withdrawn' });
      expect(await inCatalogue()).toBe(false);
      expect((await publicApi().get(`/api/matters/${matter.id}`)).status).toBe(404);
      const refused = await draftFor();
      expect([refused.status, refused.body.code, refused.body.details]).toEqual([409, 'MATTER_NOT_PUBLISHED', { status: 'withdrawn' }]);
      expect(refused.body.message.zh).toContain('已停止受理');

      expect((await applicant.get(`/api/cases/${filedCaseId}`)).body.stage).toBe('preAcceptance');
      const window = await loginAs(deployment, 'window1');
      const preAccepted = await window.post(`/api/cases/${filedCaseId}/actions/preAccept`, { comment: '材料齐全' });
      expect([preAccepted.status, preAccepted.body.case?.stage]).toEqual([200, 'acceptance']);

      const [entry] = await historyOf(matter.id);
      expect(entry).toMatchObject({ action: 'matter.withdraw', comment: '该事项已划转至市行政审批局办理' });

      // Its cases take their organ from it: a matter with cases keeps its department.
      const zrzy = (await publicApi().get('/api/departments')).body.find((d: { code: string }) => d.code === 'ZRZY').id;
      const moved = await admin.put(`/api/admin/matters/${matter.id}`, { departmentId: zrzy });
      expect([moved.status, moved.body.code, moved.body.details.fields[0].field]).toEqual([409, 'MATTER_HAS_CASES', 'departmentId']);
      expect((await admin.put(`/api/admin/matters/${matter.id}`, { departmentId: lcj, name: matter.name })).status).toBe(200);
      expect((await admin.post(`/api/admin/matters/${matter.id}/withdraw`, { reason: '再次' })).body.code).toBe('MATTER_STATUS_CONFLICT');
    });

    it('publishes a withdrawn matter again', async () => {
      expect((await admin.post(`/api/admin/matters/${matter.id}/publish`)).status).toBe(200);
      expect(await inCatalogue()).toBe(true);
      expect((await draftFor()).status).toBe(201);
      expect((await historyOf(matter.id)).map((entry) => entry.action).slice(0, 3)).toEqual(['matter.publish', 'matter.withdraw', 'matter.publish']);
    });
  });
});
