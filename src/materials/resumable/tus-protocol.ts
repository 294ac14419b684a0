import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../common/app-error.js';

/** tus 1.0.0 (https://tus.io/protocols/resumable-upload): the core protocol and the extensions served here. */
export const TUS_VERSION = '1.0.0';
export const TUS_EXTENSIONS = ['creation', 'termination', 'expiration'];
/** Unfinished uploads are kept this long after creation, then removed with their parts. */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

// OPTIONS discovers the version, and GET (the upload's state as JSON) is this platform's own, not tus.
const WITHOUT_TUS_HEADER = new Set(['OPTIONS', 'GET']);

/**
 * Every response under /api/uploads says which tus version it speaks; a tus request in another version (or
 * none) is refused with 412 before anything else, with the versions served, as the protocol asks.
 */
export function tusProtocol(request: Request, response: Response, next: NextFunction): void {
  response.setHeader('Tus-Resumable', TUS_VERSION);
  const sent = request.headers['tus-resumable'];
  if (WITHOUT_TUS_HEADER.has(request.method) || sent === TUS_VERSION) return next();
  response.setHeader('Tus-Version', TUS_VERSION);
  throw new AppError(
    412,
    'TUS_VERSION_UNSUPPORTED',
    { zh: `请在 Tus-Resumable 请求头中注明 tus 协议版本 ${TUS_VERSION}`, en: `Send the header Tus-Resumable: ${TUS_VERSION}, the tus version served here` },
    { tusResumable: sent ?? null, supported: [TUS_VERSION] },
  );
}

/** An HTTP date, as Upload-Expires takes it. */
export const httpDate = (date: Date) => date.toUTCString();
