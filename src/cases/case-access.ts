import { type Actor, isStaff } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import type { Case } from './case.entity.js';

export const CASE = { zh: '办件', en: 'Case' };

/** The applicant who filed the case, or a member of the organisation it was filed for. */
export const isFiler = (actor: Actor, kase: Pick<Case, 'applicantId' | 'organisationId'>) =>
  kase.applicantId === actor.id || (kase.organisationId !== null && kase.organisationId === actor.organisationId);

/** A case is seen by its filers and by staff; anyone else is told it does not exist. */
export function assertCanRead(actor: Actor, kase: Case | null): asserts kase is Case {
  if (!kase || (!isFiler(actor, kase) && !isStaff(actor))) throw notFound(CASE, 'CASE_NOT_FOUND');
}

export function assertIsApplicant(actor: Actor, kase: Case): void {
  if (!isFiler(actor, kase)) {
    throw new AppError(403, 'NOT_THE_APPLICANT', {
      zh: '只有申请人本人或其所在单位的经办人可以操作该办件',
      en: 'Only the applicant, or a member of the organisation that filed, may do this on the case',
    });
  }
}

/** Reads a case for its filers only: to staff and strangers alike it does not exist here. */
export function assertFiler(actor: Actor, kase: Case | null): asserts kase is Case {
  if (!kase || !isFiler(actor, kase)) throw notFound(CASE, 'CASE_NOT_FOUND');
}
