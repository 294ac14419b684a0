import { AppError, notFound } from '../../common/app-error.js';
import type { ResumableUpload } from './resumable-upload.entity.js';

/**
 * A request working on an upload (a chunk arriving, the parts being joined) that has not finished after this long
 * is taken to have died with its process. Node ends a request whose body takes over 5 minutes (its default
 * requestTimeout), so a live PATCH never holds an upload this long.
 */
export const ABANDONED_AFTER_MS = 10 * 60 * 1000;

export const uploadNotFound = () => notFound({ zh: '上传任务', en: 'Upload' }, 'UPLOAD_NOT_FOUND');

export const expired = () =>
  new AppError(410, 'UPLOAD_EXPIRED', {
    zh: '上传任务已过期（创建后 24 小时内未完成），已删除，请重新上传',
    en: 'The upload expired (it was not finished within 24 hours of its creation) and was removed; start a new one',
  });

export const busy = () =>
  new AppError(423, 'UPLOAD_BUSY', {
    zh: '该上传任务正在接收另一个请求的数据，请稍后先查询偏移量（HEAD）再继续',
    en: 'Another request is writing to this upload; wait, ask for the offset (HEAD) and continue from there',
  });

const offsetMismatch = (offset: number) =>
  new AppError(
    409,
    'UPLOAD_OFFSET_MISMATCH',
    { zh: `Upload-Offset 与已接收的字节数不符：服务器已接收 ${offset} 字节，请从该偏移继续`, en: `Upload-Offset does not match what was received: the server has ${offset} bytes; continue from there` },
    { offset },
  );

/** Past its expiry; a join under way at that moment is given the time a live request could take. */
export function isExpired(upload: ResumableUpload, now: Date): boolean {
  const grace = upload.status === 'completing' ? ABANDONED_AFTER_MS : 0;
  return upload.expiresAt.getTime() + grace <= now.getTime();
}

/** A chunk may be written at `offset` only where the upload stands, and while no other live request writes to it. */
export function assertWritable(upload: ResumableUpload, offset: number, now: Date): void {
  if (offset !== upload.uploadOffset) throw offsetMismatch(upload.uploadOffset);
  if (upload.status !== 'receiving') throw busy();
  const writing = upload.writingSince !== null && now.getTime() - upload.writingSince.getTime() < ABANDONED_AFTER_MS;
  if (writing) throw busy();
}
