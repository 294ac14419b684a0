import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min,
} from 'class-validator';
import { Trimmed } from '../common/trim.js';

/*
 * The field decorators of the catalogue's administration DTOs: each one carries every check of a kind of
 * field, with messages that start with the field's name, so that a refusal names what is wrong field by field.
 */

type Doc = Pick<ApiPropertyOptions, 'description' | 'example'>;

/** Trims the ends only: long texts (a legal basis, an answer) keep their line breaks. */
const TrimmedEnds = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A text of min–max characters after trimming; a one-line text also has its inner spaces folded. */
export const Text = (field: string, min: number, max: number, doc: Doc, { multiline = false } = {}) =>
  applyDecorators(
    ApiProperty({ ...doc, minLength: min, maxLength: max }),
    multiline ? TrimmedEnds() : Trimmed(),
    IsString({ message: `${field} must be a string` }),
    Length(min, max, { message: `${field} must be ${min}–${max} characters (not only spaces)` }),
  );

/** A text that may be left out or null (nothing to say); when given it is 1–max characters. */
export const OptionalText = (field: string, max: number, doc: Doc) =>
  applyDecorators(
    ApiPropertyOptional({ ...doc, nullable: true, maxLength: max }),
    TrimmedEnds(),
    IsOptional(),
    IsString({ message: `${field} must be a string or null` }),
    Length(1, max, { message: `${field} must be 1–${max} characters, or null` }),
  );

export const Flag = (field: string, doc: Doc) =>
  applyDecorators(ApiProperty({ ...doc, type: Boolean }), IsBoolean({ message: `${field} must be true or false` }));

export const WholeNumber = (field: string, min: number, max: number, doc: Doc) =>
  applyDecorators(
    ApiProperty({ ...doc, type: 'integer', minimum: min, maximum: max }),
    IsInt({ message: `${field} must be a whole number` }),
    Min(min, { message: `${field} must be at least ${min}` }),
    Max(max, { message: `${field} must be at most ${max}` }),
  );

/** One of the keys of a code list (guide-codes.ts), named in the message. */
export const Code = (field: string, names: Record<string, string>, doc: Doc) =>
  applyDecorators(
    ApiProperty({ ...doc, enum: Object.keys(names) }),
    IsIn(Object.keys(names), { message: `${field} must be one of: ${Object.keys(names).join(', ')}` }),
  );

/** A list of distinct keys of a code list, with at least `min` of them. */
export const CodeList = (field: string, codes: readonly string[], min: number, doc: Doc) =>
  applyDecorators(
    ApiProperty({ ...doc, isArray: true, enum: codes }),
    IsArray({ message: `${field} must be a list` }),
    ArrayMinSize(min, { message: `${field} must have at least ${min} value(s)` }),
    ArrayMaxSize(codes.length, { message: `${field} must have at most ${codes.length} values` }),
    ArrayUnique({ message: `${field} must not repeat a value` }),
    IsIn(codes, { each: true, message: `${field} must each be one of: ${codes.join(', ')}` }),
  );

/** A code of letters, digits, '.', '_' and '-', upper-cased: codes are compared and kept in one case. */
export const UpperCaseCode = (field: string, max: number, doc: Doc) =>
  applyDecorators(
    ApiProperty({ ...doc, maxLength: max }),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value)),
    IsString({ message: `${field} must be a string` }),
    Matches(new RegExp(`^[A-Z0-9][A-Z0-9._-]{0,${max - 1}}$`), {
      message: `${field} must be 1–${max} letters, digits, '.', '_' or '-', starting with a letter or digit`,
    }),
  );

/** A telephone number as a guide prints it: the number, possibly with a note ("0471-12345（政务服务便民热线）"). */
export const PhoneText = (field: string, doc: Doc) =>
  applyDecorators(
    Text(field, 3, 100, doc),
    Matches(/\d{3,}/, { message: `${field} must contain a telephone number, such as 0471-4602318 or 12345` }),
  );
