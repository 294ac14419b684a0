/**
 * When the case page offers the applicant to withdraw (撤回) or to file again (重新申报). The API has the last
 * word (a decided case answers 409 ALREADY_DECIDED); these only keep buttons away where they cannot work.
 * No imports: jest tests this file too.
 */
export interface CaseState {
  stage: string;
  status: string;
  submittedAt: string | null;
}

/** The end events of the shipped processes that refuse (不予受理, 不予许可), and the stage of a withdrawn case. */
export const REFUSED_OR_WITHDRAWN_STAGES: readonly string[] = ['notAccepted', 'completedRefused', 'withdrawn'];

/** Submitted and still open: a draft is deleted instead, a finished case cannot be taken back. */
export const mayWithdraw = (kase: CaseState) => kase.status === 'open' && kase.submittedAt !== null;

export const mayRefile = (kase: CaseState) => kase.status === 'closed' && REFUSED_OR_WITHDRAWN_STAGES.includes(kase.stage);
