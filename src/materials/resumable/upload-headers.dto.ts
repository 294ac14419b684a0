import { Type } from 'class-transformer';
import { IsObject, IsString, IsUUID, Length, Matches, ValidateBy, ValidateIf, ValidateNested } from 'class-validator';
import { AppError } from '../../common/app-error.js';
import { Trimmed } from '../../common/trim.js';
import type { FieldProblem } from '../../common/validation.js';
import { validateBody } from '../../identity/validate-body.js';
import { MAX_FILE_NAME_LENGTH } from '../file-name.js';

/*
 * The tus request headers, validated like any request body: the headers are the fields, named as sent
 * (`Upload-Length`, `Upload-Metadata.caseId`), so a refusal says header by header, key by key, what is wrong.
 */

const METADATA = 'Upload-Metadata';
const MAX_TITLE_LENGTH = 100;
// A name longer than the kept one is shortened by sanitiseFileName; this only bounds what is read.
const MAX_RAW_FILE_NAME_LENGTH = 4 * MAX_FILE_NAME_LENGTH;

const notTogetherWith = (other: string) =>
  ValidateBy({
    name: 'notTogetherWith',
    validator: {
      validate: (_value: unknown, args) => (args?.object as Record<string, unknown>)[other] === undefined,
      defaultMessage: () => `${METADATA}: give either requiredMaterialId (an item of the matter's list) or title (an extra material), not both`,
    },
  });

/** What the file is and where it goes: the decoded values of Upload-Metadata. */
export class UploadMetadataDto {
  @IsString({ message: `${METADATA}.filename is required: the file's name, base64-encoded` })
  @Length(1, MAX_RAW_FILE_NAME_LENGTH, { message: `${METADATA}.filename must be 1–${MAX_RAW_FILE_NAME_LENGTH} characters` })
  filename: string;

  @IsUUID('all', { message: `${METADATA}.caseId must be the id of the case (a UUID), base64-encoded` })
  caseId: string;

  @ValidateIf((metadata: UploadMetadataDto) => metadata.requiredMaterialId !== undefined || metadata.title === undefined)
  @IsUUID('all', { message: `${METADATA}.requiredMaterialId must be the id of a material item of the matter (a UUID); for an extra material give title instead` })
  requiredMaterialId?: string;

  @ValidateIf((metadata: UploadMetadataDto) => metadata.title !== undefined)
  @Trimmed()
  @IsString()
  @Length(1, MAX_TITLE_LENGTH, { message: `${METADATA}.title (the name of an extra material) must be 1–${MAX_TITLE_LENGTH} characters` })
  @notTogetherWith('requiredMaterialId')
  title?: string;
}

/** POST /api/uploads: the creation extension's headers. */
export class UploadCreationDto {
  @Matches(/^[1-9]\d*$/, { message: 'Upload-Length is required: the size of the whole file in bytes, a whole number from 1 (deferred lengths are not supported)' })
  'Upload-Length': string;

  @IsObject()
  @ValidateNested()
  @Type(() => UploadMetadataDto)
  'Upload-Metadata': UploadMetadataDto;
}

/** PATCH /api/uploads/{id}: where the chunk starts. */
export class UploadOffsetDto {
  @Matches(/^\d+$/, { message: 'Upload-Offset is required: the byte at which this chunk starts, the offset HEAD answered' })
  'Upload-Offset': string;
}

const metadataRefused = (fields: FieldProblem[]) =>
  new AppError(400, 'VALIDATION_FAILED', { zh: 'Upload-Metadata 请求头格式错误', en: 'The Upload-Metadata header is malformed' }, { fields });

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decoded(value: string): string | undefined {
  if (!BASE64.test(value)) return undefined;
  try {
    return utf8.decode(Buffer.from(value, 'base64'));
  } catch {
    return undefined;
  }
}

/**
 * Reads `key base64,key base64` as tus defines it: keys unique and without spaces, values base64 of UTF-8 text
 * (a key alone has an empty value). Every pair that cannot be read is named, by position or by key.
 */
export function parseUploadMetadata(header: string | undefined): Record<string, string> {
  const entries: [string, string][] = [];
  const problems: FieldProblem[] = [];
  const pairs = header === undefined || header.trim() === '' ? [] : header.split(',');
  pairs.forEach((pair, index) => {
    const [key, value = '', ...rest] = pair.trim().split(' ');
    if (!key || rest.length > 0) {
      problems.push({ field: METADATA, problems: [`${METADATA} pair ${index + 1} must be a key and a base64 value separated by one space`] });
    } else if (entries.some(([seen]) => seen === key)) {
      problems.push({ field: `${METADATA}.${key}`, problems: [`${METADATA}.${key} is given more than once`] });
    } else {
      const text = decoded(value);
      if (text === undefined) problems.push({ field: `${METADATA}.${key}`, problems: [`${METADATA}.${key} must be base64 (with padding) of UTF-8 text`] });
      else entries.push([key, text]);
    }
  });
  if (problems.length > 0) throw metadataRefused(problems);
  // fromEntries defines own properties: a key such as "__proto__" stays a field, which validation refuses.
  return Object.fromEntries(entries);
}

/** The creation headers, checked: the length in bytes and where the file goes. */
export async function creationHeaders(headers: { length?: string; metadata?: string }) {
  const dto = await validateBody(UploadCreationDto, { 'Upload-Length': headers.length, [METADATA]: parseUploadMetadata(headers.metadata) });
  return { uploadLength: Number(dto['Upload-Length']), metadata: dto[METADATA] };
}

export async function offsetHeader(value: string | undefined): Promise<number> {
  return Number((await validateBody(UploadOffsetDto, { 'Upload-Offset': value }))['Upload-Offset']);
}
