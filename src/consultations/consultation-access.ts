import { type Actor, isStaff } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import type { ConsultationKind } from './consultation.entity.js';

export const consultationNotFound = () => notFound({ zh: '咨询投诉', en: 'Consultation or complaint' }, 'CONSULTATION_NOT_FOUND');

interface Addressed {
  authorId: string;
  kind: ConsultationKind;
  departmentCode: string;
}

/** Staff of the department a message is addressed to, whatever their role: they list it and answer it. */
export const isOfDepartment = (actor: Actor, departmentCode: string) => isStaff(actor) && actor.departmentCodes.includes(departmentCode);

/**
 * Its author, the department's staff, and supervisors for complaints (电子监察 oversees how every department
 * serves). Anyone else is told it does not exist.
 */
export function assertCanRead(actor: Actor, message: Addressed | null | undefined): asserts message is Addressed {
  const reads = message && (message.authorId === actor.id || isOfDepartment(actor, message.departmentCode) || (message.kind === 'complaint' && actor.roles.includes('supervisor')));
  if (!reads) throw consultationNotFound();
}

/** Only the department addressed answers; its author and supervisors may read it but not answer it. */
export function assertCanAnswer(actor: Actor, message: Addressed): void {
  if (!isOfDepartment(actor, message.departmentCode)) {
    throw new AppError(403, 'DEPARTMENT_NOT_ALLOWED', {
      zh: `只有部门 ${message.departmentCode} 的工作人员可以答复`,
      en: `Only the staff of the department ${message.departmentCode} may answer it`,
    });
  }
}
