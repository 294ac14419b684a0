import { type Actor, isStaff } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import type { Case } from './case.entity.js';

export const CASE = { zh: '办件', en: 'Case' };

/** A case is seen by its applicant and by staff; anyone else is told it does not exist. */
export function assertCanRead(actor: Actor, kase: Case | null): asserts kase is Case {
  if (!kase || (kase.applicantId !== actor.id && !isStaff(actor))) throw notFound(CASE, 'CASE_NOT_FOUND');
}

export function assertIsApplicant(actor: Actor, kase: Case): void {
  if (kase.applicantId !== actor.id) {
    throw new AppError(403, 'NOT_THE_APPLICANT', { zh: '只有申请人本人可以操作该办件', en: 'Only the applicant may do this on the case' });
  }
}
