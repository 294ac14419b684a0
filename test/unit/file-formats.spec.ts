import { describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { contentCheck } from '../../src/materials/content-check.js';
import { assertContentMatches, claimedFormat } from '../../src/materials/file-formats.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90)]);

const codeOf = (work: () => unknown) => {
  try {
    work();
    return null;
  } catch (error) {
    return (error as { body: { code: string } }).body.code;
  }
};

describe('claimedFormat', () => {
  it('takes an extension the item accepts, in any case', () => {
    expect(claimedFormat('扫描件.PDF', ['pdf', 'png']).mimeType).toBe('application/pdf');
  });

  it('refuses an extension the item does not take, listing what it takes', () => {
    expect(codeOf(() => claimedFormat('方案.docx', ['pdf']))).toBe('FILE_FORMAT_NOT_ACCEPTED');
    expect(codeOf(() => claimedFormat('无扩展名', ['pdf']))).toBe('FILE_FORMAT_NOT_ACCEPTED');
  });
});

describe('assertContentMatches', () => {
  it('accepts content that is what its extension says', () => {
    expect(codeOf(() => assertContentMatches(PNG, 'a.png', 'png'))).toBeNull();
    expect(codeOf(() => assertContentMatches(Buffer.from('%PDF-1.4\n'), 'a.pdf', 'pdf'))).toBeNull();
  });

  it('refuses a renamed program, saying it is one', () => {
    let message = '';
    try {
      assertContentMatches(EXE, '申请书.pdf', 'pdf');
    } catch (error) {
      message = (error as { body: { message: { zh: string } } }).body.message.zh;
    }
    expect(message).toContain('可执行程序');
  });

  it('refuses content of another format', () => {
    expect(codeOf(() => assertContentMatches(PNG, 'a.pdf', 'pdf'))).toBe('FILE_CONTENT_MISMATCH');
  });
});

describe('contentCheck', () => {
  it('passes a matching file through byte for byte, however it is chunked', async () => {
    const chunks = [PNG.subarray(0, 3), PNG.subarray(3, 5), PNG.subarray(5)];
    expect(await buffer(Readable.from(chunks).pipe(contentCheck('a.png', 'png')))).toEqual(PNG);
  });

  it('fails the stream on a mismatch, before passing any byte on', async () => {
    const received: Buffer[] = [];
    const checked = Readable.from([EXE.subarray(0, 4), EXE.subarray(4)]).pipe(contentCheck('a.pdf', 'pdf'));
    checked.on('data', (chunk: Buffer) => received.push(chunk));
    await expect(new Promise((resolve, reject) => checked.on('end', resolve).on('error', reject))).rejects.toMatchObject({ body: { code: 'FILE_CONTENT_MISMATCH' } });
    expect(received).toEqual([]);
  });

  it('decides a file shorter than a signature on what there is', async () => {
    const checked = Readable.from([Buffer.from('%P')]).pipe(contentCheck('a.pdf', 'pdf'));
    await expect(buffer(checked)).rejects.toMatchObject({ body: { code: 'FILE_CONTENT_MISMATCH' } });
  });
});
