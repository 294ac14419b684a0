import { Transform } from 'class-transformer';

/** Trims a string field and folds inner runs of white space, so that "  A  B " and "A B" are the same name. */
export const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value));
