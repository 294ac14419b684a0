import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { AppError } from './app-error.js';

export interface FieldProblem {
  field: string;
  problems: string[];
}

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, problems: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const validationFailed = (fields: FieldProblem[]) =>
  new AppError(400, 'VALIDATION_FAILED', { zh: '请求内容未通过校验', en: 'The request failed validation' }, { fields });

// Request fields nest a level or two at most; this bound keeps a deeply nested value from overflowing class-transformer's recursion.
const MAX_DEPTH = 8;
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Problems the DTO decorators cannot see, found in the raw value: text PostgreSQL cannot store (NUL;
 * an unpaired surrogate, which would be stored silently replaced), names inherited from Object.prototype
 * (class-validator's whitelist looks fields up in a plain object, so "constructor" or "__proto__" pass
 * it), and nesting deep enough to overflow the transformer.
 */
function unstorable(value: unknown, field: string, depth = 0, topField = field): FieldProblem[] {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return [{ field, problems: [`${field} must not contain NUL characters`] }];
    if (LONE_SURROGATE.test(value)) return [{ field, problems: [`${field} must be valid Unicode text (it has an unpaired surrogate)`] }];
    return [];
  }
  if (typeof value !== 'object' || value === null) return [];
  if (depth >= MAX_DEPTH) return [{ field: topField, problems: [`${topField} is nested too deeply`] }];
  return Object.keys(value).flatMap((key) => {
    const path = field ? `${field}.${key}` : key;
    if (key in Object.prototype) return [{ field: path, problems: [`property ${key} should not exist`] }];
    return unstorable((value as Record<string, unknown>)[key], path, depth + 1, topField || path);
  });
}

/** Whitelisting validation for every request body, query and path parameter: unknown fields are refused, each problem named by field. */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const problems = unstorable(value, metadata.type === 'param' ? (metadata.data ?? '') : '');
      if (problems.length > 0) throw validationFailed(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => validationFailed(flatten(errors)),
  });
}
