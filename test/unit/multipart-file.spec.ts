import { describe, expect, it } from '@jest/globals';
import { sanitiseFileName } from '../../src/materials/multipart-file.js';

describe('sanitiseFileName', () => {
  it('keeps the base name of a path, from either kind of separator', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\张三\\申请书.pdf')).toBe('申请书.pdf');
  });

  it('removes control characters and falls back to a name when nothing is left', () => {
    expect(sanitiseFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(sanitiseFileName('')).toBe('upload.bin');
    expect(sanitiseFileName(undefined)).toBe('upload.bin');
  });

  it('keeps at most 255 characters, the end of the name with its extension', () => {
    const name = sanitiseFileName('x'.repeat(300) + '.pdf');
    expect(name).toHaveLength(255);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
