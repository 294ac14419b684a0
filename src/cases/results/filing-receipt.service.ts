import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { type Actor } from '../../common/actor.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { type PdfBlock, renderPdf } from '../../infrastructure/pdf/pdf-writer.js';
import { assertCanRead } from '../case-access.js';
import { Case } from '../case.entity.js';
import { matterNames } from './matter-names.js';

export const RECEIPT_TITLE = '申请材料接收凭证';

interface ReceivedMaterial {
  name: string | null;
  fileName: string;
  sha256: string;
}

/** The paper the window received of an item of a walk-in case. */
interface PaperReceived {
  name: string;
  originals: number;
  photocopies: number;
}

const beijingTime = (at: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

/**
 * The filing receipt (申请回执 / 材料接收凭证) of a submitted case, for its applicant and staff: what was
 * received and when (Art. 32), and the case number and query code with which to follow it (我要查). Rendered
 * on each request from the case as it stands, so supplements received later are on it too.
 */
@Injectable()
export class FilingReceiptService {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async receipt(actor: Actor, caseId: string): Promise<{ caseNumber: string; pdf: Buffer }> {
    const kase = await assertCanRead(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    if (!kase.submittedAt) {
      throw new AppError(409, 'CASE_NOT_SUBMITTED', {
        zh: '草稿尚未提交，没有申请回执；提交申请后即可下载',
        en: 'A draft has no receipt; it can be downloaded once the application is submitted',
      });
    }
    const materials: ReceivedMaterial[] = await this.dataSource.query(
      `SELECT r.name, m.file_name AS "fileName", m.sha256 FROM case_materials m LEFT JOIN required_materials r ON r.id = m.required_material_id
        WHERE m.case_id = $1 ORDER BY r.position, m.uploaded_at, m.id`,
      [kase.id],
    );
    const paper: PaperReceived[] = await this.dataSource.query(
      `SELECT r.name, p.originals, p.photocopies FROM case_paper_materials p JOIN required_materials r ON r.id = p.required_material_id WHERE p.case_id = $1 ORDER BY r.position`,
      [kase.id],
    );
    const now = this.clock.now();
    const blocks = receiptBlocks(kase, kase.submittedAt, await matterNames(this.dataSource.manager, kase.matterId), { materials, paper }, now);
    return { caseNumber: kase.caseNumber, pdf: await renderPdf({ title: RECEIPT_TITLE, createdAt: now, blocks }) };
  }
}

function receiptBlocks(
  kase: Case, submittedAt: Date, names: { matter: string; department: string }, { materials, paper }: { materials: ReceivedMaterial[]; paper: PaperReceived[] }, now: Date,
): PdfBlock[] {
  const progress = `GET /api/progress?caseNumber=${kase.caseNumber}&queryCode=${kase.queryCode}`;
  return [
    { type: 'banner', text: names.department },
    { type: 'title', text: RECEIPT_TITLE },
    { type: 'line', text: `办件编号：${kase.caseNumber}`, align: 'right' },
    { type: 'line', text: `${kase.applicantOrganisation}：` },
    {
      type: 'paragraph',
      text: `你（单位）于${beijingTime(submittedAt)}${kase.channel === 'window' ? '在窗口' : '在线'}提交的“${names.matter}”申请（项目：${kase.projectName}）及下列申请材料已收到。`
        + '根据《中华人民共和国行政许可法》第三十二条的规定，本机关将自收到申请材料之日起五个工作日内作出受理、不予受理或者一次告知补正的决定；'
        + '逾期不告知补正的，自收到申请材料之日起即为受理。',
    },
    {
      type: 'table',
      widths: [0.25, 0.75],
      rows: [
        ['办件编号', kase.caseNumber],
        ['查询码', kase.queryCode],
        ['申请事项', names.matter],
        ['受理部门', names.department],
        ['申请人', kase.applicantOrganisation],
        ['项目名称', kase.projectName],
        ['提交时间', beijingTime(submittedAt)],
      ],
    },
    {
      type: 'table',
      widths: [0.07, 0.35, 0.31, 0.27],
      header: ['序号', '材料名称', '文件名', 'SHA-256（前16位）'],
      rows: materials.map((material, i) => [String(i + 1), material.name ?? '其他材料', material.fileName, material.sha256.slice(0, 16)]),
    },
    ...paperBlocks(paper),
    { type: 'paragraph', text: `查询办理进度（我要查）：无需登录，凭办件编号 ${kase.caseNumber} 和查询码 ${kase.queryCode} 即可查询（${progress}）。请妥善保管查询码。` },
    {
      type: 'closing',
      signedBy: [names.department, beijingTime(now)],
      note: `本凭证由通办平台于${beijingTime(now)}生成，所列材料以生成时平台记录为准；各文件的 SHA-256 摘要可用于核对所提交的文件未被改动。`,
    },
  ];
}

/** 纸质材料收取清单: on a walk-in case's receipt, what the window received on paper. */
function paperBlocks(paper: PaperReceived[]): PdfBlock[] {
  if (!paper.length) return [];
  return [{
    type: 'table',
    widths: [0.07, 0.53, 0.2, 0.2],
    header: ['序号', '收取的纸质材料', '原件（份）', '复印件（份）'],
    rows: paper.map((item, i) => [String(i + 1), item.name, String(item.originals), String(item.photocopies)]),
  }];
}
