/** The public look-ups (办件查询, 文书核验) as people type them off paper. No imports: jest tests this file too. */

export interface ProgressKeys {
  caseNumber: string;
  queryCode: string;
}

/** Blanks dropped and letters in capitals: "lcj-20261128-000042 " is the case LCJ-20261128-000042. */
const tidy = (typed: string | null | undefined) => (typed ?? '').replace(/\s+/g, '').toUpperCase();

/** The case number and query code of an address (`?caseNumber=…&queryCode=…`), or null while either is missing. */
export function progressKeysOf(search: string): ProgressKeys | null {
  const params = new URLSearchParams(search);
  const keys = { caseNumber: tidy(params.get('caseNumber')), queryCode: tidy(params.get('queryCode')) };
  return keys.caseNumber && keys.queryCode ? keys : null;
}

/** The query string of a look-up: the same for the page's address (to bookmark) and for GET /api/progress. */
export const progressSearch = (keys: ProgressKeys) => new URLSearchParams({ caseNumber: tidy(keys.caseNumber), queryCode: tidy(keys.queryCode) }).toString();

/** A query code as the receipt prints it: 8 letters and digits (the API takes lower case too). */
export const isQueryCode = (typed: string) => /^[A-Z0-9]{8}$/.test(tidy(typed));

/** A verification code with or without its hyphens, in any case: 16 letters and digits once tidied. */
export const verificationCodeOf = (typed: string | null | undefined) => tidy(typed).replace(/-/g, '');

export const isVerificationCode = (typed: string) => /^[A-Z0-9]{16}$/.test(verificationCodeOf(typed));

/** "12.3 KB": a file's size for people. */
export function fileSize(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
