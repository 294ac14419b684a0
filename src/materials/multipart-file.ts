import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import { PassThrough, Readable } from 'node:stream';
import { AppError } from '../common/app-error.js';
import { contentCheck } from './content-check.js';
import { sanitiseFileName } from './file-name.js';
import { claimedFormat } from './file-formats.js';
import { Measuring } from './measure.js';

export interface ReceivedFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
}

/** What an upload may be: its size limit and the formats (extensions) its material item takes. */
export interface UploadRules {
  maxBytes: number;
  acceptedFormats: readonly string[];
}

// What a multipart envelope may add around one file: boundaries, headers and a few small fields.
const ENVELOPE_ALLOWANCE = 1024 * 1024;
const FIELD = 'file';

/** The limit in the units people read (300 MiB for a material, 20 MiB for a blank form). */
const mebibytes = (bytes: number) => `${Number((bytes / 1_048_576).toFixed(1))} MiB`;

export const fileTooLarge = (maxBytes: number) =>
  new AppError(
    413,
    'FILE_TOO_LARGE',
    { zh: `文件超过 ${maxBytes} 字节（${mebibytes(maxBytes)}）的上限`, en: `The file is larger than the limit of ${maxBytes} bytes (${mebibytes(maxBytes)})` },
    { maxBytes },
  );

const badUpload = (zh: string, en: string, code = 'INVALID_UPLOAD') => new AppError(400, code, { zh, en });

const emptyFile = () => badUpload('文件为空', 'The file is empty', 'EMPTY_FILE');

/**
 * Receives the one file of a multipart/form-data request (field `file`) and streams it into `sink`
 * while counting and hashing it: nothing holds the whole file in memory. A file over `maxBytes` makes
 * the sink fail, so that storage keeps nothing of it, and is refused 413; a file whose name or content is
 * not an accepted format is refused 415, an empty file 400 (the caller removes what the sink stored of it).
 * The form's small text fields come back with the file.
 */
export async function receiveFile(
  request: IncomingMessage,
  rules: UploadRules,
  sink: (body: Readable) => Promise<void>,
): Promise<ReceivedFile & { fields: Record<string, string> }> {
  const { maxBytes } = rules;
  if (!/^multipart\/form-data/i.test(request.headers['content-type'] ?? '')) {
    throw new AppError(415, 'MULTIPART_REQUIRED', {
      zh: '请以 multipart/form-data 上传，文件放在 file 字段',
      en: 'Upload as multipart/form-data with the file in the field "file"',
    });
  }
  if (Number(request.headers['content-length'] ?? 0) > maxBytes + ENVELOPE_ALLOWANCE) throw fileTooLarge(maxBytes);

  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // busboy reports 'limit' (and truncated) as soon as a file reaches fileSize bytes, even when it
      // ends there: one byte more lets a file of exactly maxBytes through and still stops the next.
      parser = busboy({ headers: request.headers, limits: { files: 1, fileSize: maxBytes + 1, fields: 10 }, defParamCharset: 'utf8' });
    } catch {
      return reject(badUpload('multipart 请求头无效', 'The multipart request headers are invalid'));
    }
    let stored: Promise<ReceivedFile> | undefined;
    const fields: Record<string, string> = {};
    parser.on('field', (name, value) => (fields[name] = value));
    parser.on('file', (field, stream, info) => {
      if (field !== FIELD || stored) return void stream.resume();
      stored = storeFile(stream, info, rules, sink);
      stored.catch(() => stream.resume());
    });
    parser.on('error', () => reject(badUpload('multipart 请求体无效', 'The multipart body is malformed')));
    parser.on('close', () => {
      if (!stored) return reject(badUpload('请求中没有 file 字段的文件', 'The request has no file in the field "file"', 'FILE_MISSING'));
      stored.then((file) => resolve({ ...file, fields }), reject);
    });
    request.on('aborted', () => parser.destroy(new Error('client aborted the upload')));
    request.pipe(parser);
  });
}

async function storeFile(stream: Readable & { truncated?: boolean }, info: busboy.FileInfo, { maxBytes, acceptedFormats }: UploadRules, sink: (body: Readable) => Promise<void>) {
  const fileName = sanitiseFileName(info.filename);
  const format = claimedFormat(fileName, acceptedFormats);
  const checked = contentCheck(fileName, format.extension);
  const counter = new Measuring();
  // Counted before the check, so that a refused file is not mistaken for an empty one.
  const body = stream.pipe(counter).pipe(checked).pipe(new PassThrough());
  checked.on('error', (error) => body.destroy(error));
  // The sink may start reading only after preparing (LocalDiskStorage creates its folder first): an error
  // before then (a truncated form) must wait for it in the stream, not crash the process as unhandled.
  body.on('error', () => undefined);
  stream.on('limit', () => body.destroy(fileTooLarge(maxBytes)));
  // pipe() passes no error on: a client hanging up mid-file must fail the sink, not crash the process.
  stream.on('error', (error) => body.destroy(error));
  const refusal = () => (stream.truncated ? fileTooLarge(maxBytes) : counter.sizeBytes === 0 ? emptyFile() : undefined);
  try {
    await sink(body);
  } catch (error) {
    // The refusal is what the client can act on, also when it made the sink fail: S3 refuses an empty upload.
    throw refusal() ?? error;
  }
  const refused = refusal();
  if (refused) throw refused;
  return { fileName, contentType: format.mimeType, sizeBytes: counter.sizeBytes, sha256: counter.sha256() };
}
