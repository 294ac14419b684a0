import { describe, expect, it } from '@jest/globals';
import { documentOwed } from '../../src/cases/results/document-kinds.js';
import { type DocumentFacts, noticeBlocks } from '../../src/cases/results/notice-document.js';
import { newVerificationCode, normalisedVerificationCode, VERIFICATION_CODE_INPUT } from '../../src/cases/results/verification-code.js';
import { renderPdf } from '../../src/infrastructure/pdf/pdf-writer.js';
import { pdfText } from '../support/pdf.js';

const task = (...stages: string[]) => ({ stages });

describe('the document a step owes', () => {
  it.each([
    ['accept', ['acceptance'], 'acceptance'],
    ['refuse', ['preAcceptance'], 'nonAcceptance'],
    ['refuse', ['acceptance', 'decision'], 'nonAcceptance'],
    ['requestSupplement', ['preAcceptance'], 'supplementation'],
    ['requestSupplement', ['acceptance'], 'supplementation'],
    ['grant', ['decision'], 'grant'],
    ['grant', ['acceptance', 'decision'], 'grant'],
    ['accept', ['acceptance', 'decision'], 'grant'],
    ['deny', ['decision'], 'denial'],
    ['revoke', ['inspection'], 'revocation'],
    ['preAccept', ['preAcceptance'], null],
    ['approve', ['review'], null],
    ['concur', ['coReview'], null],
    ['approveExtension', ['extension'], null],
    ['submit', ['application'], null],
  ])('%s on a task of stages %j: %s', (action, stages, kind) => {
    expect(documentOwed({ completed: task(...stages), action })).toBe(kind);
  });

  it('is none when a service task completed', () => {
    expect(documentOwed({ completed: null, action: 'service.generateNotice' })).toBeNull();
  });
});

describe('verification codes', () => {
  it('are 16 unambiguous characters in groups of four, and differ', () => {
    const codes = Array.from({ length: 200 }, newVerificationCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('are accepted as typed, in any case and without hyphens, and stored in the printed form', () => {
    for (const typed of ['7kq2-m9xd-3fht-w8pa', '7KQ2M9XD3FHTW8PA', '7KQ2-M9XD3FHT-W8PA']) {
      expect(VERIFICATION_CODE_INPUT.test(typed)).toBe(true);
      expect(normalisedVerificationCode(typed)).toBe('7KQ2-M9XD-3FHT-W8PA');
    }
    for (const malformed of ['7KQ2-M9XD-3FHT', '7KQ2-M9XD-3FHT-W8PO', '7KQ2--M9XD-3FHT-W8PA', ' 7KQ2-M9XD-3FHT-W8PA', '7KQ2-M9XD-3FHT-W8P1']) {
      expect([malformed, VERIFICATION_CODE_INPUT.test(malformed)]).toEqual([malformed, false]);
    }
  });
});

describe('a decision rendered to PDF', () => {
  const facts: DocumentFacts = {
    department: '市林业和草原局', caseNumber: 'LCJ-20261201-000042', applicant: '呼和浩特市某某牧业有限公司', legalRepresentative: '王五',
    matter: '临时占用草原审核', project: '风电场临时道路', filedOn: '2026-11-02', acceptedOn: '2026-11-03', deemedAccepted: false,
    legalDeadline: '2026-12-01', promisedDeadline: '2026-11-24', issuedOn: '2026-11-20',
    reason: '拟占用草原位于基本草原保护红线内', remedies: { reconsiderationBy: '2027-01-19', litigationBy: '2027-05-20' },
  };
  const spec = { title: '不予行政许可决定书', createdAt: new Date('2026-11-20T02:00:00Z'), blocks: noticeBlocks({ kind: 'denial', title: '不予行政许可决定书', facts, verificationCode: '7KQ2-M9XD-3FHT-W8PA' }) };

  it('is the same bytes every time, so that its sha256 is the document’s', async () => {
    const [first, second] = await Promise.all([renderPdf(spec), renderPdf(spec)]);
    expect(first.equals(second)).toBe(true);
  });

  it('reads back as Chinese text with the reasons closed as a sentence, the remedies with their last days, and the code', async () => {
    const text = (await pdfText(await renderPdf(spec))).replace(/\n/g, '');
    for (const expected of [
      '市林业和草原局', '不予行政许可决定书', '办件编号：LCJ-20261201-000042', '于2026年11月2日提出的“临时占用草原审核”申请',
      '理由如下：拟占用草原位于基本草原保护红线内。', '第三十八条第二款', '申请行政复议的期限至2027年1月19日届满，提起行政诉讼的期限至2027年5月20日届满',
      '受理日期', '2026年11月3日', '决定日期', '2026年11月20日', '校验码：7KQ2-M9XD-3FHT-W8PA',
    ]) expect(text).toContain(expected);
  });

  it('continues a long table on further pages, row by row', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => [String(i + 1), `第${i + 1}项申请材料`, `文件${i + 1}.pdf`, 'f23f4a4633b0adaf']);
    const pdf = await renderPdf({ title: '申请材料接收凭证', createdAt: new Date(0), blocks: [{ type: 'table', widths: [0.1, 0.4, 0.3, 0.2], header: ['序号', '材料名称', '文件名', 'SHA-256'], rows }] });
    const text = (await pdfText(pdf)).replace(/\n/g, '');
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(1);
    for (const i of [1, 30, 60]) expect(text).toContain(`第${i}项申请材料`);
  });
});
