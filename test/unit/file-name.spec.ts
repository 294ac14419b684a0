import { describe, expect, it } from '@jest/globals';
import { MAX_FILE_NAME_LENGTH, sanitiseFileName } from '../../src/materials/file-name.js';

describe('sanitiseFileName', () => {
  it('keeps the base name of a path, from either kind of separator', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\张三\\申请书.pdf')).toBe('申请书.pdf');
  });

  it('removes control characters and what Windows forbids, and collapses blanks', () => {
    expect(sanitiseFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(sanitiseFileName('合同<副本>:"2026"|?*.pdf')).toBe('合同副本2026.pdf');
    expect(sanitiseFileName('  草原   权属\t证明 .pdf')).toBe('草原 权属证明 .pdf');
  });

  it('removes the bidirectional overrides that disguise an extension', () => {
    // U+202E shows "申请书\u202Efdp.exe" as "申请书exe.pdf"; without it the real name shows.
    expect(sanitiseFileName('申请书\u202Efdp.exe')).toBe('申请书fdp.exe');
  });

  it('drops leading and trailing dots and blanks, keeping an extension-only name usable', () => {
    expect(sanitiseFileName('...hidden.pdf. ')).toBe('hidden.pdf');
    expect(sanitiseFileName('.pdf')).toBe('未命名.pdf');
    expect(sanitiseFileName('')).toBe('未命名');
    expect(sanitiseFileName(undefined)).toBe('未命名');
  });

  it('normalises to NFC, so the same name typed two ways is the same name', () => {
    expect(sanitiseFileName('cafe\u0301.pdf')).toBe('caf\u00e9.pdf');
  });

  it(`keeps at most ${MAX_FILE_NAME_LENGTH} characters, with the extension`, () => {
    const name = sanitiseFileName('草'.repeat(300) + '.pdf');
    expect([...name]).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
