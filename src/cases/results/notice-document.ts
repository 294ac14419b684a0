import { escapeHtml as escape } from '../../common/html.js';
import type { Case } from '../case.entity.js';

const beijingDate = (at: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(at);

/**
 * A notice or decision as a self-contained HTML page, printable as it is. Every value comes from applicants
 * or staff, so all of it is escaped.
 */
export function renderNotice({ title, kase, reason, at }: { title: string; kase: Case; reason: string | null; at: Date }): string {
  const rows: [string, string][] = [
    ['办件编号 Case number', kase.caseNumber],
    ['申请单位 Applicant organisation', kase.applicantOrganisation],
    ['项目名称 Project', kase.projectName],
    ['法定代表人 Legal representative', kase.legalRepresentative],
    ['理由与依据 Reasons', reason ?? '—'],
    ['日期 Date', beijingDate(at)],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(title)}</title></head>
<body><h1>${escape(title)}</h1>
<table>${rows.map(([label, value]) => `<tr><th>${escape(label)}</th><td>${escape(value)}</td></tr>`).join('')}</table>
<p>申请人如对本决定不服，可依法申请行政复议或者提起行政诉讼。 If you disagree with this decision you may apply for administrative reconsideration or bring an administrative lawsuit.</p>
</body></html>
`;
}
