/** The API's one error shape (src/common/app-error.ts), read in the browser. No imports: jest tests this file too. */
export type Lang = 'zh' | 'en';

export interface BilingualMessage {
  zh: string;
  en: string;
}

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: BilingualMessage;
  details?: unknown;
}

export interface FieldProblem {
  field: string;
  problems: string[];
}

/** A failed request: the status, the API's code and its bilingual message, and the problems by field. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly bilingual: BilingualMessage;
  readonly fields: FieldProblem[];
  readonly details: unknown;

  constructor(status: number, body: unknown) {
    const parsed = asErrorBody(status, body);
    super(parsed.message.en);
    this.status = status;
    this.code = parsed.code;
    this.bilingual = parsed.message;
    this.details = parsed.details;
    this.fields = fieldProblemsOf(parsed.details);
  }

  text(lang: Lang): string {
    return this.bilingual[lang] || this.bilingual.zh;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Any answer, even a proxy's HTML page, becomes an error body, so that the page always has something to say. */
export function asErrorBody(status: number, body: unknown): ErrorBody {
  if (isRecord(body) && typeof body.code === 'string' && isRecord(body.message) && typeof body.message.zh === 'string') {
    return { statusCode: status, code: body.code, message: { zh: body.message.zh, en: String(body.message.en ?? body.message.zh) }, details: body.details };
  }
  if (status === 0) return { statusCode: 0, code: 'NETWORK', message: { zh: '无法连接服务器，请检查网络后重试', en: 'The server cannot be reached: check the connection and try again' } };
  return { statusCode: status, code: `HTTP_${status}`, message: { zh: `请求失败（${status}）`, en: `The request failed (${status})` } };
}

/** details.fields of a VALIDATION_FAILED answer; anything else has none. */
export function fieldProblemsOf(details: unknown): FieldProblem[] {
  if (!isRecord(details) || !Array.isArray(details.fields)) return [];
  return details.fields
    .filter((entry): entry is { field: string; problems: unknown[] } => isRecord(entry) && typeof entry.field === 'string' && Array.isArray(entry.problems))
    .map((entry) => ({ field: entry.field, problems: entry.problems.map(String) }));
}

/**
 * The form fields to mark, in the shape antd's form.setFields takes: "walkIn.applicantDocument" is the
 * nested name ['walkIn', 'applicantDocument']. Fields the form does not show are returned apart, so that
 * the page can still say what they were.
 */
export function formFieldErrors(fields: FieldProblem[], shown: readonly string[]): { marked: { name: string[]; errors: string[] }[]; unshown: FieldProblem[] } {
  const marked: { name: string[]; errors: string[] }[] = [];
  const unshown: FieldProblem[] = [];
  for (const problem of fields) {
    if (shown.includes(problem.field)) marked.push({ name: problem.field.split('.'), errors: problem.problems });
    else unshown.push(problem);
  }
  return { marked, unshown };
}
