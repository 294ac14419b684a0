import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorBody } from './app-error.js';

const GENERIC_MESSAGES: Record<number, [string, string, string]> = {
  400: ['BAD_REQUEST', '请求格式错误', 'The request is malformed'],
  401: ['UNAUTHENTICATED', '请先登录', 'Please log in first'],
  403: ['FORBIDDEN', '无权执行此操作', 'You are not allowed to do this'],
  404: ['NOT_FOUND', '请求的资源不存在', 'The requested resource does not exist'],
  413: ['PAYLOAD_TOO_LARGE', '请求内容过大', 'The request body is too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型', 'Unsupported content type'],
};

/** Turns every error into the ErrorBody shape; anything unexpected is logged and answered as a 500 without internals. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (isErrorBody(payload)) return payload;
      const [code, zh, en] = GENERIC_MESSAGES[status] ?? ['HTTP_ERROR', '请求失败', exception.message];
      return { statusCode: status, code, message: { zh, en } };
    }
    const parserStatus = bodyParserStatus(exception);
    if (parserStatus === 400) {
      return { statusCode: 400, code: 'MALFORMED_JSON', message: { zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' } };
    }
    if (parserStatus) {
      const [code, zh, en] = GENERIC_MESSAGES[parserStatus] ?? ['BAD_REQUEST', '请求无效', 'The request is invalid'];
      return { statusCode: parserStatus, code, message: { zh, en } };
    }
    return { statusCode: 500, code: 'INTERNAL_ERROR', message: { zh: '服务器内部错误', en: 'Internal server error' } };
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value && typeof (value as ErrorBody).message === 'object';
}

/** The 4xx status of an error thrown by Express's body parsers (malformed JSON, too large, bad charset), if it is one. */
function bodyParserStatus(value: unknown): number | undefined {
  const { type, status } = (value ?? {}) as { type?: unknown; status?: unknown };
  const fromParser = typeof type === 'string' && typeof status === 'number' && status >= 400 && status < 500;
  return fromParser ? status : undefined;
}
