import { ParseUUIDPipe } from '@nestjs/common';
import { AppError } from './app-error.js';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new AppError(400, 'VALIDATION_FAILED', { zh: `路径参数 ${name} 必须是 UUID`, en: `The path parameter ${name} must be a UUID` }, {
        fields: [{ field: name, problems: [`${name} must be a UUID`] }],
      }),
  });
}
