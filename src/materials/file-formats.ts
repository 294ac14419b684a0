import { AppError } from '../common/app-error.js';

/**
 * The formats a material may come in, told apart by their first bytes: a file is taken only when its
 * content is what its extension says, so a renamed program or a mislabelled file is refused at the door.
 */
interface FileFormat {
  label: string;
  mimeType: string;
  /** Magic numbers at the start of the file; any one of them identifies the format. */
  signatures: readonly Buffer[];
}

const bytes = (...values: number[]) => Buffer.from(values);
const ascii = (text: string) => Buffer.from(text, 'latin1');

// OOXML, OFD and ZIP are all ZIP containers; DOC and XLS are both OLE2 compound files.
const ZIP = [bytes(0x50, 0x4b, 0x03, 0x04)];
const OLE2 = [bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)];
const JPEG = [bytes(0xff, 0xd8, 0xff)];
const TIFF = [ascii('II*\u0000'), ascii('MM\u0000*')];

export const FILE_FORMATS: Readonly<Record<string, FileFormat>> = {
  pdf: { label: 'PDF', mimeType: 'application/pdf', signatures: [ascii('%PDF-')] },
  ofd: { label: 'OFD 版式文件', mimeType: 'application/ofd', signatures: ZIP },
  jpg: { label: 'JPEG', mimeType: 'image/jpeg', signatures: JPEG },
  jpeg: { label: 'JPEG', mimeType: 'image/jpeg', signatures: JPEG },
  png: { label: 'PNG', mimeType: 'image/png', signatures: [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)] },
  tif: { label: 'TIFF', mimeType: 'image/tiff', signatures: TIFF },
  tiff: { label: 'TIFF', mimeType: 'image/tiff', signatures: TIFF },
  doc: { label: 'Word 97-2003', mimeType: 'application/msword', signatures: OLE2 },
  docx: { label: 'Word', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signatures: ZIP },
  xls: { label: 'Excel 97-2003', mimeType: 'application/vnd.ms-excel', signatures: OLE2 },
  xlsx: { label: 'Excel', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signatures: ZIP },
  zip: { label: 'ZIP', mimeType: 'application/zip', signatures: ZIP },
  dwg: { label: 'AutoCAD DWG', mimeType: 'image/vnd.dwg', signatures: [ascii('AC10')] },
};

export const FORMAT_NAMES = Object.keys(FILE_FORMATS);

/** Programs and scripts: named in the refusal, since a renamed one is the case worth telling apart. */
const EXECUTABLES: readonly { name: string; signature: Buffer }[] = [
  { name: 'Windows PE (.exe/.dll)', signature: ascii('MZ') },
  { name: 'ELF', signature: bytes(0x7f, 0x45, 0x4c, 0x46) },
  { name: 'Mach-O', signature: bytes(0xcf, 0xfa, 0xed, 0xfe) },
  { name: 'Mach-O', signature: bytes(0xce, 0xfa, 0xed, 0xfe) },
  { name: 'Java class / Mach-O universal', signature: bytes(0xca, 0xfe, 0xba, 0xbe) },
  { name: 'script (#!)', signature: ascii('#!') },
];

/** How many leading bytes decide a file's format. */
export const SIGNATURE_BYTES = 8;

export const extensionOf = (fileName: string) => /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

const acceptedList = (accepted: readonly string[]) => accepted.map((name) => name.toUpperCase()).join('、');

/** The format a file name claims, if the item takes it; otherwise a 415 that lists what it takes. */
export function claimedFormat(fileName: string, accepted: readonly string[]): FileFormat & { extension: string } {
  const extension = extensionOf(fileName);
  if (!accepted.includes(extension) || !FILE_FORMATS[extension]) {
    throw new AppError(
      415,
      'FILE_FORMAT_NOT_ACCEPTED',
      { zh: `文件“${fileName}”的格式不被接受，该材料接受：${acceptedList(accepted)}`, en: `"${fileName}" is not in a format this item takes: ${acceptedList(accepted)}` },
      { fileName, acceptedFormats: accepted },
    );
  }
  return { ...FILE_FORMATS[extension], extension };
}

/** Checks a file's first bytes against the format its name claims; throws 415 when they disagree. */
export function assertContentMatches(head: Buffer, fileName: string, extension: string): void {
  const format = FILE_FORMATS[extension];
  if (format.signatures.some((signature) => head.subarray(0, signature.length).equals(signature))) return;
  const program = EXECUTABLES.find(({ signature }) => head.subarray(0, signature.length).equals(signature));
  throw new AppError(
    415,
    'FILE_CONTENT_MISMATCH',
    program
      ? { zh: `文件“${fileName}”实际是可执行程序（${program.name}），不能作为申请材料上传`, en: `"${fileName}" is in fact a program (${program.name}) and cannot be uploaded as a material` }
      : { zh: `文件“${fileName}”的内容不是 ${format.label} 格式，请检查文件是否损坏或扩展名是否正确`, en: `The content of "${fileName}" is not ${format.label}; check that the file is intact and its extension right` },
    { fileName, claimedFormat: extension, ...(program ? { detected: program.name } : {}) },
  );
}
