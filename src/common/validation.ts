import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Whitelisting validation for every request body: unknown fields are refused, each problem named by field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new AppError(400, 'VALIDATION_FAILED', { zh: '请求内容未通过校验', en: 'The request failed validation' }, { fields: flatten(errors) }),
  });
}
