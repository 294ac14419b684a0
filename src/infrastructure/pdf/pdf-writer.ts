import { readFileSync } from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { projectRoot } from '../../common/project-root.js';

/** What a document says, top to bottom; the writer lays it out on A4 pages. */
export type PdfBlock =
  /** The issuing organ, centred above the title. */
  | { type: 'banner'; text: string }
  | { type: 'title'; text: string }
  | { type: 'line'; text: string; align?: 'left' | 'right' }
  /** Running text, its first line indented by two characters as Chinese documents are. */
  | { type: 'paragraph'; text: string }
  /** Ruled rows of cells; `widths` are fractions of the text width, one per column. */
  | { type: 'table'; widths: number[]; header?: string[]; rows: string[][] }
  /** The organ's name and the date flush right, as a document is signed off, then small print in a box (how to check it), kept on one page. */
  | { type: 'closing'; signedBy: string[]; note: string };

export interface PdfSpec {
  title: string;
  /** Written into the file as its creation date, so that the same document renders to the same bytes. */
  createdAt: Date;
  blocks: PdfBlock[];
}

/**
 * Noto Sans CJK SC cut down to GB 2312 and punctuation (assets/fonts/README.md). It ships with the code: a
 * fresh machine renders Chinese without installing fonts. pdfkit embeds only the glyphs a document uses.
 */
export const FONT_FILE = path.join(projectRoot(), 'assets', 'fonts', 'NotoSansSC-Tongban-Regular.ttf');

const SIZES = { banner: 16, title: 22, body: 12, small: 9 };
const MARGIN = { top: 56, bottom: 56, left: 72, right: 72 };
const LINE_GAP = 4;
const CELL_PADDING = 3;
const NOTE_LINE_GAP = 2;

let font: Buffer | undefined;
const fontData = () => (font ??= readFileSync(FONT_FILE));

/** Renders the blocks into a PDF. Rendering the same spec twice gives the same bytes. */
export function renderPdf(spec: PdfSpec): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: spec.title, Creator: '通办 Tongban', Producer: '通办 Tongban', CreationDate: spec.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('body', fontData());
  doc.font('body').fontSize(SIZES.body);
  for (const block of spec.blocks) draw(doc, block);
  doc.end();
  return done;
}

function draw(doc: PDFKit.PDFDocument, block: PdfBlock): void {
  const width = textWidth(doc);
  const x = doc.page.margins.left;
  switch (block.type) {
    case 'banner':
    case 'title':
      doc.fontSize(SIZES[block.type]).text(block.text, x, doc.y, { width, align: 'center', lineGap: LINE_GAP });
      doc.moveDown(block.type === 'title' ? 0.6 : 0.2).fontSize(SIZES.body);
      return;
    case 'line':
      doc.text(block.text, x, doc.y, { width, align: block.align ?? 'left', lineGap: LINE_GAP });
      return;
    case 'paragraph':
      doc.text(block.text, x, doc.y, { width, indent: 2 * SIZES.body, lineGap: LINE_GAP, paragraphGap: LINE_GAP });
      return;
    case 'table':
      drawTable(doc, block);
      return;
    case 'closing':
      drawClosing(doc, block);
  }
}

const textWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const roomLeft = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom - doc.y;

function drawTable(doc: PDFKit.PDFDocument, table: Extract<PdfBlock, { type: 'table' }>): void {
  const total = textWidth(doc);
  const widths = table.widths.map((fraction) => fraction * total);
  doc.moveDown(0.5);
  if (table.header) drawRow(doc, table.header, widths);
  for (const row of table.rows) drawRow(doc, row, widths);
  doc.moveDown(0.5);
}

/** One ruled row; it moves to a new page whole when it does not fit on this one. */
function drawRow(doc: PDFKit.PDFDocument, cells: string[], widths: number[]): void {
  const inner = (i: number) => widths[i] - 2 * CELL_PADDING;
  const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: inner(i) }))) + 2 * CELL_PADDING;
  if (height > roomLeft(doc)) doc.addPage();
  const top = doc.y;
  let left = doc.page.margins.left;
  cells.forEach((cell, i) => {
    doc.rect(left, top, widths[i], height).lineWidth(0.5).stroke();
    doc.text(cell, left + CELL_PADDING, top + CELL_PADDING, { width: inner(i) });
    left += widths[i];
  });
  doc.x = doc.page.margins.left;
  doc.y = top + height;
}

function drawClosing(doc: PDFKit.PDFDocument, closing: Extract<PdfBlock, { type: 'closing' }>): void {
  const width = textWidth(doc);
  const x = doc.page.margins.left;
  const gap = doc.currentLineHeight(true);
  const signature = closing.signedBy.reduce((sum, line) => sum + doc.heightOfString(line, { width, lineGap: LINE_GAP }), 0);
  doc.fontSize(SIZES.small);
  const noteHeight = doc.heightOfString(closing.note, { width: width - 2 * CELL_PADDING, lineGap: NOTE_LINE_GAP }) + 2 * CELL_PADDING;
  doc.fontSize(SIZES.body);
  if (2 * gap + signature + noteHeight > roomLeft(doc)) doc.addPage();
  doc.y += gap;
  for (const line of closing.signedBy) doc.text(line, x, doc.y, { width, align: 'right', lineGap: LINE_GAP });
  doc.y += gap / 2;
  const top = doc.y;
  doc.rect(x, top, width, noteHeight).lineWidth(0.5).stroke();
  doc.fontSize(SIZES.small).text(closing.note, x + CELL_PADDING, top + CELL_PADDING, { width: width - 2 * CELL_PADDING, lineGap: NOTE_LINE_GAP });
  doc.fontSize(SIZES.body);
}
