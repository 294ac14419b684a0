import { Transform } from 'class-transformer';

/** Trims a string field and folds inner runs of white space, so that "  A  B " and "A B" are the same name. */
export const Trimmed = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().replace(/\s+/g, ' ') : value));

/** Trims a text's ends and makes its line breaks `\n`, keeping them: a message or an answer keeps its paragraphs. */
export const TrimmedText = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value));
