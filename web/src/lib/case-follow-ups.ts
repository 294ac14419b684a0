/**
 * When the case page offers the applicant to withdraw (撤回) or to file again (重新申报). The API has the last
 * word (a decided case answers 409 ALREADY_DECIDED); these only keep buttons away where they cannot work.
 * No imports: jest tests this file too.
 */
export interface CaseState {
  stage: string;
  status: string;
  submittedAt: string | null;
  mayFileAgain?: boolean;
}

/** Submitted and still open: a draft is deleted instead, a finished case cannot be taken back. */
export const mayWithdraw = (kase: CaseState) => kase.status === 'open' && kase.submittedAt !== null;

/** The server says whether the case ended without a grant and the reader filed it: no process's stage names are known here. */
export const mayRefile = (kase: CaseState) => kase.mayFileAgain === true;
