import ExcelJS from 'exceljs';
import type { Figures, StatisticsReport, StatisticsRow } from './statistics-figures.js';
import type { Grouping } from './statistics.dto.js';

type Format = 'text' | 'count' | 'days' | 'share';

/** A row of the table: a group's, or the totals' (which have no name). */
type TableRow = Omit<StatisticsRow, 'name'> & { name: string | null };

interface Column {
  header: string;
  value: (row: TableRow) => string | number | null;
  format: Format;
}

const KEY_HEADERS: Record<Grouping, { key: string; name: string }> = {
  department: { key: '部门代码 Department code', name: '部门 Department' },
  matter: { key: '事项标识 Matter id', name: '事项 Matter' },
};

const SHEET_NAMES: Record<Grouping, string> = { department: '按部门 By department', matter: '按事项 By matter' };

const TOTAL_LABEL = '合计 Total';

const FIGURE_COLUMNS: [keyof Figures, string, Format][] = [
  ['received', '收件 Received', 'count'],
  ['accepted', '受理 Accepted', 'count'],
  ['refused', '不予受理 Refused at acceptance', 'count'],
  ['completed', '办结 Completed', 'count'],
  ['onTime', '按期办结 On time', 'count'],
  ['late', '超期办结 Late', 'count'],
  ['averageWorkingDays', '平均办理工作日 Average working days', 'days'],
  ['p90WorkingDays', '90%分位办理工作日 P90 working days', 'days'],
  ['onlineShare', '网办占比 Filed online', 'share'],
  ['supplementationRate', '补正率 Supplementation rate', 'share'],
  ['ratings', '评价数 Ratings', 'count'],
  ['averageRating', '平均评价等级（1最好）Average rating (1 is best)', 'days'],
  ['poorRatings', '差评数 Poor ratings', 'count'],
];

const NUMBER_FORMATS: Record<Format, string | undefined> = { text: undefined, count: '0', days: '0.00', share: '0.0%' };

function columnsOf(grouping: Grouping): Column[] {
  const { key, name } = KEY_HEADERS[grouping];
  return [
    { header: key, value: (row) => row.key, format: 'text' },
    { header: name, value: (row) => row.name, format: 'text' },
    { header: '月份 Month', value: (row) => row.month, format: 'text' },
    ...FIGURE_COLUMNS.map(([field, header, format]): Column => ({ header, value: (row) => row[field], format })),
  ];
}

/** The report's rows, then its totals as a last row labelled as such. */
function tableOf(report: StatisticsReport): TableRow[] {
  return [...report.rows, { key: TOTAL_LABEL, name: null, month: null, ...report.totals }];
}

/** One sheet per grouping: numbers stay numbers, shares are shown as percentages, the header row stays in view. */
export async function statisticsWorkbook(reports: StatisticsReport[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const report of reports) {
    const columns = columnsOf(report.groupBy);
    const sheet = workbook.addWorksheet(SHEET_NAMES[report.groupBy], { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({ header: column.header, width: column.format === 'text' ? 24 : 14, style: { numFmt: NUMBER_FORMATS[column.format] } }));
    sheet.getRow(1).font = { bold: true };
    for (const row of tableOf(report)) sheet.addRow(columns.map((column) => column.value(row)));
    sheet.lastRow!.font = { bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV field by RFC 4180: quoted when it holds a comma, a quote or a line break, each quote doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 lines (CRLF), with a byte order mark so that Excel reads the Chinese as UTF-8. */
export function statisticsCsv(report: StatisticsReport): Buffer {
  const columns = columnsOf(report.groupBy);
  const lines = [columns.map((column) => column.header), ...tableOf(report).map((row) => columns.map((column) => column.value(row)))];
  return Buffer.from(`\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`, 'utf8');
}
