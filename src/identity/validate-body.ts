import { createValidationPipe } from '../common/validation.js';

const pipe = createValidationPipe();

/**
 * Validates a body against a DTO chosen at run time (by the registration's `kind`, or by the kind of account
 * whose profile is edited) with the project's own pipe: same whitelist, same checks, same 400 shape.
 */
export function validateBody<T extends object>(metatype: new () => T, body: unknown): Promise<T> {
  return pipe.transform(body, { type: 'body', metatype, data: undefined }) as Promise<T>;
}
