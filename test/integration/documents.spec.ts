import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client as MinioClient } from 'minio';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PdfDocuments1796800000000 } from '../../migrations/1796800000000-pdf-documents.js';
import { allMigrations } from '../../migrations/index.js';
import {
  basicInformation, type Client, deploy, type Deployment, download, fileSubmittedCase, grasslandMatter, loginAs, MODES, newApplicant, waitForStage,
} from '../support/tongban.js';
import { pdfText } from '../support/pdf.js';

/** 2026-12-01 → 2026年12月1日 */
const chineseDate = (date: string) => date.split('-').map(Number).map((n, i) => `${n}${'年月日'[i]}`).join('');
/** The text without the line breaks where the layout wrapped it (Chinese has no spaces to break at). */
const unwrapped = (text: string) => text.replace(/\n/g, '');
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const CODE = /^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/;


interface ListedDocument {
  id: string;
  kind: string;
  title: string;
  verificationCode: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

// Notices, decisions and the filing receipt as PDFs, read back with a real PDF parser; their verification by code.
describe.each(MODES)('notices, decisions and receipts as PDFs (%s mode)', (mode) => {
  let deployment: Deployment;
  let staff: Record<'window1' | 'reviewer1' | 'decider1' | 'reviewer2', Client>;
  let applicant: Client;
  let stranger: Client;
  let department: string;
  /** A case walked through a supplementation notice, acceptance and a grant. */
  let granted: { id: string; caseNumber: string; queryCode: string };

  beforeAll(async () => {
    deployment = await deploy(mode);
    const [window1, reviewer1, decider1, reviewer2] = await Promise.all(['window1', 'reviewer1', 'decider1', 'reviewer2'].map((name) => loginAs(deployment, name)));
    staff = { window1, reviewer1, decider1, reviewer2 };
    ({ client: applicant } = await newApplicant(deployment));
    ({ client: stranger } = await newApplicant(deployment));
    department = (await grasslandMatter(deployment)).department.name;
    const id = await fileSubmittedCase(deployment, applicant);
    const detail = (await applicant.get(`/api/cases/${id}`)).body;
    granted = { id, caseNumber: detail.caseNumber, queryCode: detail.queryCode };
  });
  afterAll(() => deployment?.stop());

  async function act(client: Client, caseId: string, action: string, comment?: string) {
    const answer = await client.post(`/api/cases/${caseId}/actions/${action}`, { comment });
    expect([action, answer.status, answer.body.code]).toEqual([action, 200, undefined]);
    return answer.body;
  }

  async function documentsOf(client: Client, caseId: string): Promise<ListedDocument[]> {
    const list = await client.get(`/api/cases/${caseId}/documents`);
    expect(list.status).toBe(200);
    return list.body;
  }

  /** Downloads the document as its applicant, checks the file against the listing, and returns its text. */
  async function textOf(caseId: string, document: ListedDocument): Promise<string> {
    const file = await download(deployment, applicant, `/api/cases/${caseId}/documents/${document.id}/content`);
    expect(file.status).toBe(200);
    expect(file.contentType).toBe('application/pdf');
    expect(file.body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file.disposition).toContain(`filename*=UTF-8''${encodeURIComponent(document.title)}`);
    expect({ sha256: sha256(file.body), sizeBytes: file.body.length }).toEqual({ sha256: document.sha256, sizeBytes: document.sizeBytes });
    // The Chinese font is embedded (a subset of it): the text shows as Chinese on a machine without CJK fonts.
    expect(file.body.toString('latin1')).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansCJKsc-Regular/);
    return unwrapped(await pdfText(file.body));
  }

  /** What every notice and decision carries: the title, the case number, the applicant, the department, its verification code. */
  function expectHeading(text: string, title: string, caseNumber: string, code: string): void {
    expect(text).toContain(title);
    expect(text).toContain(caseNumber);
    expect(text).toContain(basicInformation('').applicantOrganisation);
    expect(text).toContain(department);
    expect(text).toContain(`校验码：${code}`);
  }

  describe('the filing receipt', () => {
    it('lists what was received, with the query code, for the applicant', async () => {
      const receipt = await download(deployment, applicant, `/api/cases/${granted.id}/receipt`);
      expect(receipt.status).toBe(200);
      expect(receipt.contentType).toBe('application/pdf');
      const text = unwrapped(await pdfText(receipt.body));
      for (const expected of ['申请材料接收凭证', granted.caseNumber, `查询码`, granted.queryCode, '临时占用草原审核', '我要查', '申请书.pdf']) expect(text).toContain(expected);
      const materials = (await applicant.get(`/api/cases/${granted.id}/materials`)).body as { sha256: string }[];
      expect(materials.length).toBeGreaterThan(0);
      for (const material of materials) expect(text).toContain(material.sha256.slice(0, 16));
    });

    it('is given to staff, refused to another applicant as if the case did not exist, and not given for a draft', async () => {
      expect((await download(deployment, staff.window1, `/api/cases/${granted.id}/receipt`)).status).toBe(200);
      const refused = await stranger.get(`/api/cases/${granted.id}/receipt`);
      expect([refused.status, refused.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
      const matter = await grasslandMatter(deployment);
      const draft = await applicant.post('/api/cases', basicInformation(matter.id));
      const none = await applicant.get(`/api/cases/${draft.body.id}/receipt`);
      expect([none.status, none.body.code]).toEqual([409, 'CASE_NOT_SUBMITTED']);
      expect(none.body.message.zh).toContain('草稿');
    });
  });

  describe('a case through a supplementation notice, acceptance and a grant', () => {
    const defects = '草原权属证明材料为复印件，请补充原件扫描件；补偿协议缺少草原使用者签章';
    const opinion = '符合法定条件，准予临时占用草原';

    it('issues a 补正告知书 listing the defects', async () => {
      await act(staff.window1, granted.id, 'requestSupplement', defects);
      await waitForStage(applicant, granted.id, 'supplementation');
      const [notice] = await documentsOf(applicant, granted.id);
      expect(notice).toMatchObject({ kind: 'supplementation', title: '补正告知书', contentType: 'application/pdf', verificationCode: expect.stringMatching(CODE) });
      const text = await textOf(granted.id, notice);
      expectHeading(text, '补正告知书', granted.caseNumber, notice.verificationCode);
      expect(text).toContain(defects);
      expect(text).toContain('一次告知');
      expect(text).not.toContain('行政复议');
    });

    it('issues a 受理通知书 with the acceptance date and the deadlines once the supplements are accepted', async () => {
      await act(applicant, granted.id, 'supplement', '已补充');
      await act(staff.window1, granted.id, 'accept', '补正材料齐全，予以受理');
      const clock = (await applicant.get(`/api/cases/${granted.id}`)).body.clock;
      const documents = await documentsOf(applicant, granted.id);
      expect(documents.map((d) => d.kind)).toEqual(['supplementation', 'acceptance']);
      const text = await textOf(granted.id, documents[1]);
      expectHeading(text, '受理通知书', granted.caseNumber, documents[1].verificationCode);
      expect(text).toContain('决定予以受理');
      // A deadline in a year whose holiday schedule is not loaded yet is not guessed.
      expect(text).toContain(clock.legal.deadline ? `本机关将于${chineseDate(clock.legal.deadline)}前依法作出行政许可决定` : '法定办结期限另行告知');
      if (clock.promised.deadline) expect(text).toContain(`承诺于${chineseDate(clock.promised.deadline)}前办结`);
    });

    it('issues a 准予行政许可决定书 with the opinion, and no remedies', async () => {
      await act(staff.reviewer1, granted.id, 'approve', '材料真实有效');
      await act(staff.decider1, granted.id, 'grant', opinion);
      await waitForStage(applicant, granted.id, 'delivery');
      const documents = await documentsOf(applicant, granted.id);
      expect(documents.map((d) => d.title)).toEqual(['补正告知书', '受理通知书', '准予行政许可决定书']);
      const text = await textOf(granted.id, documents[2]);
      expectHeading(text, '准予行政许可决定书', granted.caseNumber, documents[2].verificationCode);
      expect(text).toContain('决定准予行政许可');
      expect(text).toContain(opinion);
      expect(text).not.toContain('行政诉讼');
      expect(new Set(documents.map((d) => d.verificationCode)).size).toBe(3);
    });

    it("serves the same bytes every time, to the case's department's staff too, and nothing to another applicant or department", async () => {
      const [first] = await documentsOf(applicant, granted.id);
      const path = `/api/cases/${granted.id}/documents/${first.id}/content`;
      const [again, byStaff, byStranger, byOtherDepartment] = await Promise.all(
        [applicant, staff.reviewer1, stranger, staff.reviewer2].map((client) => download(deployment, client, path)),
      );
      expect([sha256(again.body), sha256(byStaff.body)]).toEqual([first.sha256, first.sha256]);
      expect([byStranger.status, byOtherDepartment.status]).toEqual([404, 404]);
      expect((await stranger.get(`/api/cases/${granted.id}/documents`)).status).toBe(404);
      expect((await staff.window1.get(`/api/cases/${granted.id}/documents`)).body).toEqual(await documentsOf(applicant, granted.id));
    });
  });

  describe('refusals', () => {
    it('gives a 不予受理决定书 with the reasons and the rights of reconsideration and litigation', async () => {
      const caseId = await fileSubmittedCase(deployment, applicant);
      const reason = '申请事项不属于本机关职权范围，请向旗县林草主管部门申请';
      await act(staff.window1, caseId, 'refuse', reason);
      const closed = await waitForStage(applicant, caseId, 'notAccepted');
      const [decision] = await documentsOf(applicant, caseId);
      expect(decision).toMatchObject({ kind: 'nonAcceptance', title: '不予受理决定书' });
      const text = await textOf(caseId, decision);
      expectHeading(text, '不予受理决定书', closed.caseNumber, decision.verificationCode);
      expect(text).toContain(reason);
      for (const right of ['六十日内依法申请行政复议', '六个月内依法向人民法院提起行政诉讼']) expect(text).toContain(right);
      const { reconsiderationBy, litigationBy } = closed.clock.remedies;
      if (reconsiderationBy && litigationBy) expect(text).toContain(`申请行政复议的期限至${chineseDate(reconsiderationBy)}届满，提起行政诉讼的期限至${chineseDate(litigationBy)}届满`);
      else expect(text).not.toContain('届满');
    });

    it('gives a 受理通知书, then a 不予行政许可决定书 with the reasons and remedies', async () => {
      const caseId = await fileSubmittedCase(deployment, applicant);
      const reason = '拟占用草原位于基本草原保护红线内，不符合法定条件';
      await act(staff.window1, caseId, 'preAccept');
      await act(staff.window1, caseId, 'accept');
      await act(staff.reviewer1, caseId, 'reject', reason);
      await act(staff.decider1, caseId, 'deny', reason);
      const closed = await waitForStage(applicant, caseId, 'delivery');
      const documents = await documentsOf(applicant, caseId);
      expect(documents.map((d) => d.kind)).toEqual(['acceptance', 'denial']);
      const text = await textOf(caseId, documents[1]);
      expectHeading(text, '不予行政许可决定书', closed.caseNumber, documents[1].verificationCode);
      expect(text).toContain(reason);
      expect(text).toContain('决定不予行政许可');
      expect(text).toContain('行政复议');
    });
  });

  describe('verification by code, without logging in', () => {
    async function verify(code: string) {
      const response = await fetch(`${deployment.baseUrl}/api/documents/verify?code=${encodeURIComponent(code)}`);
      return { status: response.status, body: (await response.json()) as any };
    }

    it('tells what a printed code stands for, without the applicant’s private data', async () => {
      const documents = await documentsOf(applicant, granted.id);
      for (const document of documents) {
        const answer = await verify(document.verificationCode);
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual({
          verificationCode: document.verificationCode, kind: document.kind, title: document.title, caseNumber: granted.caseNumber,
          issuedBy: department, issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), contentType: 'application/pdf',
          sizeBytes: document.sizeBytes, sha256: document.sha256,
        });
        const { applicantOrganisation, legalRepresentative, handlerPhone } = basicInformation('');
        for (const secret of [applicantOrganisation, legalRepresentative, handlerPhone, granted.queryCode]) expect(JSON.stringify(answer.body)).not.toContain(secret);
      }
      const typed = documents[0].verificationCode.replaceAll('-', '').toLowerCase();
      expect((await verify(typed)).body.title).toBe(documents[0].title);
    });

    it('answers 404 for a well-formed code that no document has, 400 for a malformed one', async () => {
      const unknown = await verify('2345-6789-ABCD-EFGH');
      expect([unknown.status, unknown.body.code]).toEqual([404, 'DOCUMENT_NOT_FOUND']);
      expect(unknown.body.message.zh).toContain('校验码');
      for (const malformed of ['', 'ABCD', '0OIL-2345-6789-ABCD', '2345-6789-ABCD-EFGH-JKMN', '2345 6789 ABCD EFGH']) {
        const answer = await verify(malformed);
        expect([malformed, answer.status, answer.body.code, answer.body.details?.fields?.[0]?.field]).toEqual([malformed, 400, 'VALIDATION_FAILED', 'code']);
      }
      const missing = await fetch(`${deployment.baseUrl}/api/documents/verify`);
      expect(missing.status).toBe(400);
      const twice = await fetch(`${deployment.baseUrl}/api/documents/verify?code=2345-6789-ABCD-EFGH&code=2345-6789-ABCD-EFGH`);
      expect(twice.status).toBe(400);
    });
  });
});

// An installation upgraded from before PDFs: its HTML documents keep their files, content type and sha256.
describe('HTML documents issued before PDFs, after the upgrade (server mode)', () => {
  let deployment: Deployment;
  afterAll(() => deployment?.stop());

  it('are listed and served as they were stored, without a verification code', async () => {
    deployment = await deploy('server');
    const { client: applicant } = await newApplicant(deployment);
    const caseId = await fileSubmittedCase(deployment, applicant);
    const html = Buffer.from('<!doctype html><html lang="zh-CN"><body><h1>送达不予受理通知</h1></body></html>\n', 'utf8');
    const storageKey = `documents/${caseId}/${randomUUID()}.html`;
    const { S3_ENDPOINT, S3_ACCESS_KEY, S3_SECRET_KEY, S3_BUCKET, DATABASE_URL } = deployment.env;
    const endpoint = new URL(S3_ENDPOINT);
    const s3 = new MinioClient({ endPoint: endpoint.hostname, port: Number(endpoint.port), useSSL: false, accessKey: S3_ACCESS_KEY, secretKey: S3_SECRET_KEY });
    await s3.putObject(S3_BUCKET, storageKey, html, html.length);

    // Back to the schema before this migration, a document stored as it was then, and the upgrade again at the restart.
    const database = await new DataSource({ type: 'postgres', url: DATABASE_URL, migrations: allMigrations }).initialize();
    try {
      const later = allMigrations.length - allMigrations.indexOf(PdfDocuments1796800000000);
      for (let i = 0; i < later; i++) await database.undoLastMigration({ transaction: 'each' });
      await database.query(
        `INSERT INTO case_documents (case_id, title, storage_key, content_type, size_bytes, sha256, created_at) VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [caseId, '送达不予受理通知 Send the notice of non-acceptance', storageKey, 'text/html; charset=utf-8', html.length, sha256(html)],
      );
    } finally {
      await database.destroy();
    }
    await deployment.restart();

    const [listed] = (await applicant.get(`/api/cases/${caseId}/documents`)).body;
    expect(listed).toMatchObject({ kind: 'notice', verificationCode: null, contentType: 'text/html; charset=utf-8', sizeBytes: html.length, sha256: sha256(html) });
    const file = await download(deployment, applicant, `/api/cases/${caseId}/documents/${listed.id}/content`);
    expect([file.status, file.contentType, file.body.equals(html)]).toEqual([200, 'text/html; charset=utf-8', true]);
  });
});
