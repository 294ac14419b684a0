import path from 'node:path';

/** Longest name kept, in characters: room for a Chinese title and its extension on every file system. */
export const MAX_FILE_NAME_LENGTH = 200;

// Control characters, the bidirectional overrides that can disguise "exe.pdf" as "fdp.exe", and what
// Windows forbids in a name: all of it goes, so a name is safe to show, to store and to download as.
const UNSAFE = /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]/g;

/**
 * The name a material is kept under: the base name only, in NFC, without unsafe characters or leading and
 * trailing dots and blanks, at most MAX_FILE_NAME_LENGTH characters with its extension kept.
 */
export function sanitiseFileName(raw: string | undefined): string {
  const base = path.posix.basename((raw ?? '').normalize('NFC').replace(/\\/g, '/'));
  const safe = base.replace(UNSAFE, '').replace(/\s+/g, ' ');
  const cleaned = safe.replace(/^[\s.]+|[\s.]+$/g, '');
  // A name that was only an extension (".pdf") keeps it as one: the format check needs it.
  const onlyExtension = cleaned !== '' && !cleaned.includes('.') && safe.trim().startsWith('.');
  return shorten(cleaned === '' ? '未命名' : onlyExtension ? `未命名.${cleaned}` : cleaned);
}

function shorten(name: string): string {
  const characters = [...name];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return name;
  const extension = /\.[^.]{1,16}$/.exec(name)?.[0] ?? '';
  return characters.slice(0, MAX_FILE_NAME_LENGTH - [...extension].length).join('') + extension;
}
