import { describe, expect, it } from '@jest/globals';
import type { AppError } from '../../src/common/app-error.js';
import { creationHeaders, offsetHeader, parseUploadMetadata } from '../../src/materials/resumable/upload-headers.dto.js';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const CASE = '0b6f3c9e-7a41-4d2b-9a0e-5f1c2d3e4f50';
const ITEM = '8c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';

/** The fields a promise is refused for, each with its problems; {} when it resolves. */
async function refusals(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise;
    return {};
  } catch (error) {
    const body = (error as AppError).body as { code: string; details: { fields: { field: string; problems: string[] }[] } };
    expect(body.code).toBe('VALIDATION_FAILED');
    return Object.fromEntries(body.details.fields.map((f) => [f.field, f.problems.join(' ')]));
  }
}

describe('Upload-Metadata as tus defines it', () => {
  it('reads comma-separated pairs of a key and base64 of UTF-8 text, a key alone being empty', () => {
    expect(parseUploadMetadata(`filename ${base64('草原图 第1页.pdf')}, caseId ${base64(CASE)},empty`)).toEqual({ filename: '草原图 第1页.pdf', caseId: CASE, empty: '' });
    expect(parseUploadMetadata(undefined)).toEqual({});
  });

  it('names every pair it cannot read: by position when it is no pair, by key when its value is not base64 of UTF-8', async () => {
    const latin1 = Buffer.from([0xe9, 0x74, 0xe9]).toString('base64'); // "été" in Latin-1: not UTF-8
    expect(await refusals(Promise.resolve().then(() => parseUploadMetadata(`a b c,filename ${base64('a.pdf').replace(/=+$/, '')},title ${latin1},x ${base64('1')},x ${base64('2')}`)))).toEqual({
      'Upload-Metadata': expect.stringContaining('pair 1'),
      'Upload-Metadata.filename': expect.stringContaining('base64'),
      'Upload-Metadata.title': expect.stringContaining('UTF-8'),
      'Upload-Metadata.x': expect.stringContaining('more than once'),
    });
  });
});

describe('the creation headers', () => {
  const headers = (metadata: Record<string, string>, length = '1024') => ({
    length,
    metadata: Object.entries(metadata).map(([key, value]) => `${key} ${base64(value)}`).join(','),
  });

  it('take an item of the list or an extra material by its title, trimmed', async () => {
    expect(await creationHeaders(headers({ filename: 'a.pdf', caseId: CASE, requiredMaterialId: ITEM }))).toEqual({
      uploadLength: 1024, metadata: { filename: 'a.pdf', caseId: CASE, requiredMaterialId: ITEM },
    });
    expect((await creationHeaders(headers({ filename: 'a.pdf', caseId: CASE, title: '  补充  说明 ' }))).metadata.title).toBe('补充 说明');
  });

  it('refuse both targets, neither, a wrong length, unknown keys and inherited names, field by field', async () => {
    expect(await refusals(creationHeaders(headers({ filename: 'a.pdf', caseId: CASE, requiredMaterialId: ITEM, title: '说明' })))).toEqual({
      'Upload-Metadata.title': expect.stringContaining('not both'),
    });
    expect(await refusals(creationHeaders(headers({ filename: 'a.pdf', caseId: CASE }, '0')))).toEqual({
      'Upload-Length': expect.stringContaining('from 1'),
      'Upload-Metadata.requiredMaterialId': expect.stringContaining('title'),
    });
    expect(await refusals(creationHeaders(headers({ filename: 'a.pdf', caseId: CASE, title: '说明', colour: 'red' }, '1e6')))).toEqual({
      'Upload-Length': expect.stringContaining('whole number'),
      'Upload-Metadata.colour': expect.stringContaining('should not exist'),
    });
    const inherited = headers({ filename: 'a.pdf', caseId: CASE, title: '说明', constructor: 'x' });
    expect(await refusals(creationHeaders({ ...inherited, metadata: `${inherited.metadata},__proto__ ${base64('{}')}` }))).toEqual({
      'Upload-Metadata.constructor': expect.stringContaining('should not exist'),
      'Upload-Metadata.__proto__': expect.stringContaining('should not exist'),
    });
    expect(await refusals(creationHeaders(headers({ filename: 'a\u0000.pdf', caseId: CASE, title: '说明' })))).toEqual({
      'Upload-Metadata.filename': expect.stringContaining('NUL'),
    });
  });

  it('take an offset of digits only', async () => {
    expect(await offsetHeader('1048576')).toBe(1048576);
    for (const wrong of [undefined, '', '-1', '1.5', '0x10']) expect(Object.keys(await refusals(offsetHeader(wrong)))).toEqual(['Upload-Offset']);
  });
});
