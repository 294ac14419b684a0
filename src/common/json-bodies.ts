import type { NextFunction, Request, Response } from 'express';
import { AppError } from './app-error.js';

// The one route whose body is XML: a designer's BPMN upload, which reads the body itself.
const isBpmnUpload = (request: Request) => request.method === 'POST' && request.path === '/api/processes';
export const XML_CONTENT_TYPE = /^(application|text)\/(bpmn\+)?xml\s*(;|$)/i;
// The one route whose body is raw bytes: a chunk of a resumable (tus) upload, which reads the body itself.
const isTusChunk = (request: Request) => request.method === 'PATCH' && /^\/api\/uploads\/[^/]+$/.test(request.path);
const CHUNK_CONTENT_TYPE = /^application\/offset\+octet-stream\s*(;|$)/i;

export const chunkTypeRequired = () =>
  new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', {
    zh: '断点续传分片的 Content-Type 须为 application/offset+octet-stream',
    en: 'A chunk of a resumable upload must be sent as Content-Type: application/offset+octet-stream',
  });

/** Whether a PATCH carries its chunk with the content type tus prescribes. */
export const isChunkContentType = (type: string | undefined) => CHUNK_CONTENT_TYPE.test(type ?? '');

/**
 * Request bodies are JSON, or multipart for uploads, XML for BPMN uploads and raw bytes for a tus chunk (read by
 * their own handlers). A body of any other type would reach the controllers as no body at all: a form-encoded login
 * would still log in, and a transition sent as text/plain would be carried out without its comment. It is refused instead.
 */
export function refuseNonJsonBodies(request: Request, _response: Response, next: NextFunction): void {
  const hasBody = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (!hasBody || /^application\/json\s*(;|$)/.test(type) || /^multipart\/form-data\s*(;|$)/.test(type)) return next();
  if (isBpmnUpload(request) && XML_CONTENT_TYPE.test(type)) return next();
  if (isTusChunk(request)) return next(isChunkContentType(type) ? undefined : chunkTypeRequired());
  next(
    new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', {
      zh: '请求体须为 JSON（Content-Type: application/json）；上传文件请用 multipart/form-data',
      en: 'The request body must be JSON (Content-Type: application/json); uploads are multipart/form-data',
    }),
  );
}
