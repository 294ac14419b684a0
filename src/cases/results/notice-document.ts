import type { CalendarDate } from '../../calendar/calendar-date.js';
import type { PdfBlock } from '../../infrastructure/pdf/pdf-writer.js';
import type { DocumentKind } from './document-kinds.js';

/**
 * What a notice or decision states, taken in the transaction of the step that issued it: the document renders
 * from these alone, so it says the same whenever it is first downloaded.
 */
export interface DocumentFacts {
  /** The issuing organ: the department of the case's matter (the lead department of a parallel approval). */
  department: string;
  caseNumber: string;
  applicant: string;
  legalRepresentative: string;
  matter: string;
  project: string;
  filedOn: CalendarDate | null;
  acceptedOn: CalendarDate | null;
  deemedAccepted: boolean;
  legalDeadline: CalendarDate | null;
  promisedDeadline: CalendarDate | null;
  issuedOn: CalendarDate;
  /** The staff's comment on the step: the reasons of a refusal, the items to supplement, an opinion. */
  reason: string | null;
  /** Where the matter is not this organ's: the authority the applicant should apply to (Art. 32 ¶1 (2)). */
  competentAuthority?: string | null;
  /** Last days for reconsideration and litigation if the decision is served the day it is made (adverse kinds only). */
  remedies: { reconsiderationBy: CalendarDate | null; litigationBy: CalendarDate | null } | null;
}

export interface NoticeToRender {
  kind: DocumentKind;
  title: string;
  facts: DocumentFacts;
  verificationCode: string;
}

const LAW = '《中华人民共和国行政许可法》';

/** 2026-12-01 → 2026年12月1日, as dates are written in official documents; a date not known yet is to be told later. */
export function chineseDate(date: CalendarDate | null): string {
  if (!date) return '（另行告知）';
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

const application = (f: DocumentFacts) => `你（单位）于${chineseDate(f.filedOn)}提出的“${f.matter}”申请（项目：${f.project}）`;
/** The staff's comment as a sentence of the document: closed with 。 unless it already ends a sentence. */
const reasons = (f: DocumentFacts) => {
  const text = f.reason?.trim() || '（未载明）';
  return /[。！？.!?；;）)]$/.test(text) ? text : `${text}。`;
};

/** The body of each kind of document: what was decided, on which article, and what follows. */
const BODIES: Record<DocumentKind, (f: DocumentFacts, title: string) => string[]> = {
  acceptance: (f) => [
    f.deemedAccepted
      ? `${application(f)}，本机关未在收到申请材料之日起五日内一次告知需要补正的全部内容。根据${LAW}第三十二条第一款第（四）项的规定，自收到申请材料之日起即为受理。`
      : `${application(f)}，申请材料齐全、符合法定形式。根据${LAW}第三十二条第一款第（五）项的规定，本机关决定予以受理。`,
    `${f.legalDeadline ? `本机关将于${chineseDate(f.legalDeadline)}前依法作出行政许可决定` : '本机关将在法定期限内依法作出行政许可决定（法定办结期限另行告知）'}`
      + `${f.promisedDeadline ? `，承诺于${chineseDate(f.promisedDeadline)}前办结` : ''}。`
      + '依法需要听证、检验、检测、鉴定、专家评审等的，所需时间不计算在期限内，本机关将书面告知所需时间。',
  ],
  nonAcceptance: (f) => [
    `${application(f)}，经审查，不予受理，理由如下：${reasons(f)}`,
    `根据${LAW}第三十二条第一款的规定，本机关决定不予受理。`
      + (f.competentAuthority ? `申请事项依法不属于本机关职权范围，请向${f.competentAuthority}申请。` : '申请事项依法不属于本机关职权范围的，请向有关行政机关申请。'),
  ],
  supplementation: (f) => [
    `${application(f)}，申请材料不齐全或者不符合法定形式。根据${LAW}第三十二条第一款第（四）项的规定，现一次告知你（单位）需要补正的全部内容：`,
    reasons(f),
    '请按照上述内容补正全部材料后重新提交。本机关自收到补正材料之日起重新计算受理期限。',
  ],
  grant: (f) => [
    `${application(f)}，本机关已于${chineseDate(f.acceptedOn)}受理。经审查，该申请符合法定条件、标准。根据${LAW}第三十八条第一款的规定，本机关决定准予行政许可。`,
    `本机关将自本决定作出之日起十日内向你（单位）颁发、送达行政许可证件（${LAW}第四十四条）。`,
  ],
  denial: (f) => [
    `${application(f)}，本机关已于${chineseDate(f.acceptedOn)}受理。经审查，该申请不符合法定条件、标准，理由如下：${reasons(f)}`,
    `根据${LAW}第三十八条第二款的规定，本机关决定不予行政许可。`,
  ],
  revocation: (f) => [
    `本机关准予你（单位）的“${f.matter}”行政许可（项目：${f.project}），经事中事后核查，发现下列情形：${reasons(f)}`,
    `根据${LAW}第六十九条的规定，本机关决定撤销该行政许可。`,
  ],
  notice: (f, title) => [`${application(f)}，现将“${title}”有关事项告知如下：${reasons(f)}`],
};

/** Art. 38 ¶2: a refusal tells the applicant of reconsideration and litigation, with the periods of the law. */
function remediesText(remedies: NonNullable<DocumentFacts['remedies']>): string {
  const lastDays = remedies.reconsiderationBy && remedies.litigationBy
    ? `本决定书于作出当日送达的，申请行政复议的期限至${chineseDate(remedies.reconsiderationBy)}届满，提起行政诉讼的期限至${chineseDate(remedies.litigationBy)}届满。`
    : '';
  return '你（单位）如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议（《中华人民共和国行政复议法》第二十条），'
    + `或者自收到本决定书之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。${lastDays}`;
}

/** The facts of the case as a ruled table, with the dates that matter to this kind of document. */
function factRows(kind: DocumentKind, f: DocumentFacts): string[][] {
  const dated: [string, CalendarDate | null][] = [['申请日期', f.filedOn]];
  if (kind === 'acceptance' || kind === 'grant' || kind === 'denial') dated.push(['受理日期', f.acceptedOn]);
  if (kind === 'acceptance') dated.push(['法定办结期限', f.legalDeadline], ['承诺办结期限', f.promisedDeadline]);
  else dated.push([kind === 'supplementation' ? '告知日期' : '决定日期', f.issuedOn]);
  const opinion: string[][] = (kind === 'acceptance' || kind === 'grant') && f.reason ? [['办理意见', f.reason]] : [];
  return [
    ['办件编号', f.caseNumber],
    ['申请人', f.applicant],
    ['法定代表人', f.legalRepresentative],
    ['申请事项', f.matter],
    ['项目名称', f.project],
    ...dated.map(([label, date]) => [label, chineseDate(date)]),
    ...opinion,
  ];
}

/** How anyone holding the document checks it: printed on every notice and decision. */
export function verificationNote(code: string): string {
  return `校验码：${code}\n本文书为通办平台出具的电子文书。任何人可凭校验码在“文书核验”（GET /api/documents/verify?code=${code}）`
    + '查询文书名称、办件编号、出具日期和文件的 SHA-256 摘要，以核对文书真伪。';
}

/** A notice or decision, laid out as the organ issues it. */
export function noticeBlocks({ kind, title, facts, verificationCode }: NoticeToRender): PdfBlock[] {
  return [
    { type: 'banner', text: facts.department },
    { type: 'title', text: title },
    { type: 'line', text: `办件编号：${facts.caseNumber}`, align: 'right' },
    { type: 'line', text: `${facts.applicant}：` },
    ...BODIES[kind](facts, title).map((text): PdfBlock => ({ type: 'paragraph', text })),
    ...(facts.remedies ? [{ type: 'paragraph', text: remediesText(facts.remedies) } as const] : []),
    { type: 'table', widths: [0.25, 0.75], rows: factRows(kind, facts) },
    { type: 'closing', signedBy: [facts.department, chineseDate(facts.issuedOn)], note: verificationNote(verificationCode) },
  ];
}
