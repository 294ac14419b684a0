import { HttpException } from '@nestjs/common';

/** A bilingual message: Simplified Chinese first, English second. */
export interface Message {
  zh: string;
  en: string;
}

/** The one error shape every failed request answers with. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: Message;
  details?: unknown;
}

/** An error a client can act on: a status, a machine-readable code and a bilingual message. */
export class AppError extends HttpException {
  constructor(statusCode: number, code: string, message: Message, details?: unknown) {
    const body: ErrorBody = { statusCode, code, message, ...(details === undefined ? {} : { details }) };
    super(body, statusCode);
  }

  get body(): ErrorBody {
    return this.getResponse() as ErrorBody;
  }
}

export const notFound = (what: Message, code = 'NOT_FOUND') =>
  new AppError(404, code, { zh: `${what.zh}不存在`, en: `${what.en} not found` });

export const forbidden = (message: Message, code = 'FORBIDDEN') => new AppError(403, code, message);
