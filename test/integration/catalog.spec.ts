import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../src/common/project-root.js';
import { api } from '../support/http.js';
import { storedObjects } from '../support/stored-objects.js';
import { deploy, type Deployment, MODES } from '../support/tongban.js';

const FORMS_FOLDER = path.join(projectRoot(), 'forms', 'demo');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ALL_CODES = ['LCJ-XK-001', 'SCJG-XK-012', 'SCJG-XK-015', 'ZRZY-XK-003'];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The file name a Content-Disposition header carries in its RFC 5987 `filename*` parameter. */
function dispositionFileName(header: string | null): string | undefined {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '')?.[1];
  return encoded === undefined ? undefined : decodeURIComponent(encoded);
}

// 事项目录与办事指南: browsing, searching, the guide's every element, and the blank forms (表格下载), all without logging in.
describe.each(MODES)('the matter catalogue and service guides (%s mode)', (mode) => {
  let deployment: Deployment;
  const get = (url: string) => api(deployment.baseUrl).get(url);
  const codes = async (url: string) => {
    const answer = await get(url);
    expect(answer.status).toBe(200);
    return answer.body.items.map((m: { code: string }) => m.code);
  };
  const guideOf = async (code: string) => {
    const [summary] = (await get(`/api/matters?q=${code}`)).body.items;
    return (await get(`/api/matters/${summary.id}`)).body;
  };

  beforeAll(async () => {
    deployment = await deploy(mode);
  });
  afterAll(() => deployment?.stop());

  describe('browsing and searching', () => {
    it('lists the departments with how many matters each has', async () => {
      const answer = await get('/api/departments');
      expect(answer.status).toBe(200);
      expect(answer.body.map(({ code, matterCount }: { code: string; matterCount: number }) => [code, matterCount])).toEqual([
        ['HJ', 0], ['LCJ', 1], ['SCJG', 2], ['ZRZY', 1],
      ]);
      expect(answer.body[1]).toEqual({ id: expect.any(String), code: 'LCJ', name: '市林业和草原局 Forestry and Grassland Bureau', matterCount: 1 });
    });

    it('lists every matter by code with the total, and browses by department', async () => {
      const all = await get('/api/matters');
      expect(all.body).toMatchObject({ total: 4, page: 1, pageSize: 20 });
      expect(all.body.items.map((m: { code: string }) => m.code)).toEqual(ALL_CODES);
      expect(await codes('/api/matters?department=SCJG')).toEqual(['SCJG-XK-012', 'SCJG-XK-015']);
      expect((await get('/api/matters?department=SCJG')).body.items.every((m: any) => m.department.code === 'SCJG')).toBe(true);
      expect(await codes('/api/matters?department=HJ')).toEqual([]);
      // Like an unknown stage in the to-do list, a department that does not exist has nothing in it.
      expect((await get('/api/matters?department=NOSUCH')).body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    });

    it('finds matters by Chinese words of the name, every word anywhere in it', async () => {
      expect(await codes(`/api/matters?q=${encodeURIComponent('草原')}`)).toEqual(['LCJ-XK-001']);
      expect(await codes(`/api/matters?q=${encodeURIComponent('食品经营许可')}`)).toEqual(['SCJG-XK-012', 'SCJG-XK-015']);
      expect(await codes(`/api/matters?q=${encodeURIComponent('注销 食品')}`)).toEqual(['SCJG-XK-015']);
      expect(await codes(`/api/matters?q=${encodeURIComponent('  规划   许可证 ')}`)).toEqual(['ZRZY-XK-003']);
      expect(await codes(`/api/matters?q=${encodeURIComponent('草原 食品')}`)).toEqual([]);
      expect(await codes(`/api/matters?department=LCJ&q=${encodeURIComponent('食品')}`)).toEqual([]);
      expect(await codes(`/api/matters?department=SCJG&q=${encodeURIComponent('注销')}`)).toEqual(['SCJG-XK-015']);
    });

    it('finds matters by their code, whatever the case of its letters', async () => {
      expect(await codes('/api/matters?q=zrzy-xk-003')).toEqual(['ZRZY-XK-003']);
      expect(await codes('/api/matters?q=XK-01')).toEqual(['SCJG-XK-012', 'SCJG-XK-015']);
    });

    it('takes LIKE wildcards in the search text literally', async () => {
      expect(await codes('/api/matters?q=XK-001')).toEqual(['LCJ-XK-001']);
      // Unescaped, "_" would match the "-" and "%" anything.
      for (const q of ['%', '_', '%25%25', 'XK_001', 'XK%25001', '%5C', '%5C%25', '%E8%8D%89%25%E5%8E%9F']) {
        const answer = await get(`/api/matters?q=${q}`);
        expect([q, answer.status, answer.body.total]).toEqual([q, 200, 0]);
      }
    });

    it('pages through the matters, with the total on every page', async () => {
      const pages = [];
      for (let page = 1; page <= 4; page++) {
        const answer = await get(`/api/matters?pageSize=1&page=${page}`);
        expect(answer.body).toMatchObject({ total: 4, page, pageSize: 1 });
        pages.push(...answer.body.items.map((m: { code: string }) => m.code));
      }
      expect(pages).toEqual(ALL_CODES);
      expect((await get('/api/matters?pageSize=3&page=2')).body.items.map((m: { code: string }) => m.code)).toEqual(['ZRZY-XK-003']);
      expect((await get('/api/matters?pageSize=3&page=3')).body).toEqual({ items: [], total: 4, page: 3, pageSize: 3 });
    });

    it('shows each matter’s type, service objects, limits and online service level in the list', async () => {
      const [grassland] = (await get('/api/matters?department=LCJ')).body.items;
      expect(grassland).toMatchObject({
        code: 'LCJ-XK-001',
        name: '临时占用草原审核',
        department: { code: 'LCJ' },
        matterType: 'administrative_licence',
        matterTypeName: '行政许可 Administrative licensing',
        caseType: 'commitment',
        serviceObjects: expect.arrayContaining([{ code: 'natural_person', name: '自然人 Natural person' }]),
        legalLimitDays: 20,
        promisedLimitDays: 10,
        limitUnit: 'working_days',
        limitUnitName: '工作日 Working days',
        chargesFee: true,
        onlineServiceLevel: 3,
        siteVisits: 1,
      });
    });
  });

  describe('refusing bad query values, field by field', () => {
    const BAD: [string, string[]][] = [
      ['page=0', ['page']],
      ['page=-1', ['page']],
      ['page=abc', ['page']],
      ['page=1.5', ['page']],
      ['page=', ['page']],
      ['page=100001', ['page']],
      ['page=1&page=2', ['page']],
      ['pageSize=0', ['pageSize']],
      ['pageSize=101', ['pageSize']],
      ['pageSize=1e400', ['pageSize']],
      ['q=', ['q']],
      ['q=%20%20%20', ['q']],
      [`q=${'长'.repeat(101)}`, ['q']],
      ['q=a&q=b', ['q']],
      // Brackets make no nested object: the query string is read flat.
      ['q[x]=1', ['q[x]']],
      ['q=%E8%8D%89%00', ['q']],
      ['department=', ['department']],
      ['department=L%20J', ['department']],
      [`department=${'D'.repeat(33)}`, ['department']],
      [`department=${encodeURIComponent('林草局')}`, ['department']],
      ['department=LCJ&department=HJ', ['department']],
      ['sort=name', ['sort']],
      ['__proto__=x', ['__proto__']],
      ['page=0&pageSize=1000&department=%25&q=', ['department', 'page', 'pageSize', 'q']],
    ];

    it.each(BAD.flatMap(([query, fields]) => ['/api/matters', '/api/forms'].map((route) => [route, query, fields] as const)))(
      '%s?%s',
      async (route, query, fields) => {
        const answer = await get(`${route}?${query}`);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', message: { zh: expect.any(String), en: expect.any(String) } });
        expect(answer.body.details.fields.map((f: { field: string }) => f.field).sort()).toEqual(fields);
        for (const { field, problems } of answer.body.details.fields) for (const problem of problems) expect(problem).toContain(field);
      },
    );

    it('explains what a department and a search text must be', async () => {
      const answer = await get('/api/matters?department=L%20J&q=%20');
      expect(answer.body.details.fields).toEqual([
        { field: 'department', problems: [expect.stringContaining('GET /api/departments')] },
        { field: 'q', problems: [expect.stringContaining('1–100 characters')] },
      ]);
    });

    it('answers bytes that are not UTF-8 as text that matches nothing, not an error', async () => {
      for (const q of ['%FF', '%ED%A0%80']) expect((await get(`/api/matters?q=${q}`)).body.total).toBe(0);
    });
  });

  describe('the service guide', () => {
    it('has every element of the guide, with the names of its codes', async () => {
      const guide = await guideOf('LCJ-XK-001');
      expect(guide).toMatchObject({
        code: 'LCJ-XK-001',
        name: '临时占用草原审核',
        exerciseLevel: 'municipal',
        exerciseLevelName: '市级 Municipal',
        legalBasis: expect.stringContaining('《中华人民共和国草原法》第四十条'),
        conditions: expect.stringContaining('不超过二年'),
        quantityLimit: '无数量限制',
        legalLimitDays: 20,
        promisedLimitDays: 10,
        limitUnit: 'working_days',
        caseTypeName: '承诺件 Decided within the promised time limit',
        fees: expect.stringContaining('草原植被恢复费'),
        chargesFee: true,
        feeBasis: expect.stringContaining('第三十九条'),
        onlinePayment: true,
        handlingForms: [
          { code: 'window', name: '窗口办理 At the window' },
          { code: 'online_pc', name: '网上办理（电脑端）Online, on a computer' },
        ],
        onlineServiceDepth: [1, 2, 3, 4, 6].map((code) => ({ code, name: expect.any(String) })),
        onlineServiceLevel: 3,
        onlineServiceLevelName: '在线预审（Ⅲ级）Online application and pre-review (level III)',
        appointmentAvailable: true,
        siteVisits: 1,
        siteVisitReason: expect.stringContaining('原件'),
        result: { type: 'document', typeName: '出文办结 A written decision', name: '临时占用草原审核同意书', electronicLicence: true },
        pickup: { methods: ['window', 'courier', 'electronic'].map((code) => ({ code, name: expect.any(String) })), place: expect.stringContaining('B区12号') },
        handlingPlace: expect.stringContaining('政务服务中心'),
        handlingHours: expect.stringContaining('9:00'),
        consultationPhone: '0471-4602318',
        complaintPhone: expect.stringContaining('12345'),
        faqs: expect.arrayContaining([{ question: expect.stringContaining('期限'), answer: expect.stringContaining('二年') }]),
      });
      expect(guide.onlineServiceDepth[0].name).toBe('互联网咨询 Online consultation');
    });

    it('lists each required material: original or copy and how many, required or not, source, form and its blank form', async () => {
      const items = (await guideOf('LCJ-XK-001')).requiredMaterials;
      expect(items.map((item: { name: string }) => item.name)).toEqual(['临时占用草原申请书', '草原权属证明材料', '临时占用草原补偿协议', '草原植被恢复方案', '项目批准文件']);
      const [application, ownership, , , approval] = items;
      const file = await readFile(path.join(FORMS_FOLDER, '临时占用草原申请书.docx'));
      expect(application).toMatchObject({
        description: expect.stringContaining('占用地点'),
        originalCopies: 1,
        photocopies: 0,
        materialType: 'original',
        materialTypeName: '原件 Original',
        isRequired: true,
        source: 'applicant',
        sourceName: '申请人自备 Prepared by the applicant',
        form: 'paper_and_electronic',
        fillingNotes: expect.stringContaining('公章'),
        template: { fileName: '临时占用草原申请书.docx', contentType: DOCX, sizeBytes: file.length, sha256: sha256(file), downloadUrl: expect.stringMatching(/\/template$/) },
      });
      expect(ownership).toMatchObject({ originalCopies: 0, photocopies: 1, materialType: 'copy', source: 'government', issuer: '旗县级以上人民政府', template: null });
      expect(approval).toMatchObject({ isRequired: false, materialTypeName: '复印件 Copy', template: null });
      expect(items.every((item: object) => !('matterId' in item))).toBe(true);
    });

    it('tells a fully online matter (Ⅳ级, no visit, no fee) from one decided on the spot', async () => {
      expect(await guideOf('ZRZY-XK-003')).toMatchObject({
        onlineServiceLevel: 4,
        onlineServiceLevelName: '全程网办（Ⅳ级）Fully online (level IV)',
        siteVisits: 0,
        siteVisitReason: null,
        chargesFee: false,
        fees: '不收费',
        feeBasis: null,
        onlinePayment: false,
        result: { type: 'licence', name: '建设用地规划许可证', electronicLicence: true },
        serviceObjects: expect.not.arrayContaining([expect.objectContaining({ code: 'natural_person' })]),
      });
      const instant = await guideOf('SCJG-XK-015');
      expect(instant).toMatchObject({ caseType: 'instant', caseTypeName: '即办件 Decided on the spot', promisedLimitDays: 1, onlineServiceLevel: 3 });
      expect(instant.requiredMaterials[1]).toMatchObject({ name: '食品经营许可证正副本', form: 'paper', formName: '纸质 Paper', template: null });
    });

    it('answers 404 for a matter that does not exist', async () => {
      const answer = await get('/api/matters/0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a90');
      expect(answer.status).toBe(404);
      expect(answer.body.code).toBe('MATTER_NOT_FOUND');
    });
  });

  describe('blank forms (表格下载)', () => {
    const committed = async () => (await readdir(FORMS_FOLDER)).filter((name) => name.endsWith('.docx')).sort();

    it('downloads each blank form exactly as committed, under its Chinese file name', async () => {
      const forms = (await get('/api/forms')).body;
      expect(forms.total).toBe(4);
      expect(forms.items.map((form: { fileName: string }) => form.fileName).sort()).toEqual(await committed());
      for (const form of forms.items) {
        const file = await readFile(path.join(FORMS_FOLDER, form.fileName));
        const response = await fetch(deployment.baseUrl + form.downloadUrl);
        const bytes = Buffer.from(await response.arrayBuffer());
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe(DOCX);
        expect(response.headers.get('content-length')).toBe(String(file.length));
        expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
        expect(dispositionFileName(response.headers.get('content-disposition'))).toBe(form.fileName);
        expect(response.headers.get('x-content-sha256')).toBe(sha256(file));
        expect(sha256(bytes)).toBe(sha256(file));
        expect(bytes.equals(file)).toBe(true);
      }
    });

    it(`keeps the files in the mode’s object storage (${mode === 'server' ? 'the S3 server' : 'the data folder'})`, async () => {
      const stored = (await storedObjects(deployment, 'templates/')).map(sha256).sort();
      const files = await Promise.all((await committed()).map(async (name) => sha256(await readFile(path.join(FORMS_FOLDER, name)))));
      expect(stored).toEqual(files.sort());
    });

    it('lists the forms with their matter, material and department, by department and by words', async () => {
      const [first] = (await get('/api/forms')).body.items;
      const grassland = await guideOf('LCJ-XK-001');
      expect(first).toEqual({
        fileName: '临时占用草原申请书.docx',
        contentType: DOCX,
        sizeBytes: grassland.requiredMaterials[0].template.sizeBytes,
        sha256: grassland.requiredMaterials[0].template.sha256,
        uploadedAt: expect.any(String),
        downloadUrl: grassland.requiredMaterials[0].template.downloadUrl,
        material: { id: grassland.requiredMaterials[0].id, name: '临时占用草原申请书' },
        matter: { id: grassland.id, code: 'LCJ-XK-001', name: '临时占用草原审核' },
        department: { code: 'LCJ', name: '市林业和草原局 Forestry and Grassland Bureau' },
      });
      const names = async (query: string) => (await get(`/api/forms?${query}`)).body.items.map((form: { fileName: string }) => form.fileName);
      expect(await names('department=SCJG')).toEqual(['食品经营许可申请书.docx', '食品经营许可注销申请书.docx']);
      expect(await names('department=HJ')).toEqual([]);
      expect(await names(`q=${encodeURIComponent('注销')}`)).toEqual(['食品经营许可注销申请书.docx']);
      expect(await names(`q=${encodeURIComponent('申请表')}`)).toEqual(['建设用地规划许可申请表.docx']);
      expect(await names('q=zrzy')).toEqual(['建设用地规划许可申请表.docx']);
      expect(await names('q=DOCX')).toHaveLength(4);
      expect(await names('q=%25')).toEqual([]);
      expect((await get('/api/forms?pageSize=3&page=2')).body).toMatchObject({ total: 4, page: 2, pageSize: 3, items: [{ fileName: '建设用地规划许可申请表.docx' }] });
    });

    it('answers 404 for a material without a blank form, of another matter, or of no matter', async () => {
      const food = await guideOf('SCJG-XK-012');
      const licence = food.requiredMaterials.find((item: { name: string }) => item.name === '营业执照');
      const noTemplate = await get(`/api/matters/${food.id}/materials/${licence.id}/template`);
      expect(noTemplate.status).toBe(404);
      expect(noTemplate.body).toMatchObject({ code: 'TEMPLATE_NOT_FOUND', message: { zh: '该材料的空白表格不存在', en: expect.any(String) } });

      const grassland = await guideOf('LCJ-XK-001');
      const otherMatters = await get(`/api/matters/${food.id}/materials/${grassland.requiredMaterials[0].id}/template`);
      expect(otherMatters.status).toBe(404);
      expect(otherMatters.body.code).toBe('MATERIAL_ITEM_NOT_FOUND');

      const noMatter = await get(`/api/matters/0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a90/materials/${grassland.requiredMaterials[0].id}/template`);
      expect(noMatter.status).toBe(404);
      expect(noMatter.body.code).toBe('MATTER_NOT_FOUND');

      const badId = await get(`/api/matters/${food.id}/materials/not-a-uuid/template`);
      expect(badId.status).toBe(400);
      expect(badId.body.details.fields).toEqual([{ field: 'itemId', problems: ['itemId must be a UUID'] }]);
    });
  });
});
