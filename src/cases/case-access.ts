import type { EntityManager } from 'typeorm';
import { type Actor, isStaff } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import type { Role } from '../identity/user.entity.js';
import type { Case } from './case.entity.js';

export const CASE = { zh: '办件', en: 'Case' };

/** Who may be shown a case: its filers (applicant, organisation) and, for staff, the department it belongs to. */
export type ReadableCase = Pick<Case, 'id' | 'matterId'> & FiledCase;
/** What says who filed a case: the applicant's account, their organisation, or the window that filed it for them. */
export type FiledCase = Pick<Case, 'applicantId' | 'organisationId' | 'channel' | 'filingDepartment'>;

/** Roles that see the cases of every department: supervision (电子监察) watches them all, administrators run the platform. */
const EVERY_DEPARTMENT: readonly Role[] = ['supervisor', 'administrator'];

export const seesEveryDepartment = (actor: Pick<Actor, 'roles'>) => actor.roles.some((role) => EVERY_DEPARTMENT.includes(role));

/**
 * The departments a case belongs to: its matter's department (`lead`), which holds every task of the case not
 * meant for another one, and each department a task of the case is or was meant for (a co-department's review).
 */
export interface CaseDepartments {
  lead: string;
  all: string[];
}

export async function departmentsOf(db: EntityManager, kase: Pick<Case, 'id' | 'matterId'>): Promise<CaseDepartments> {
  const [row] = await db.query(
    `SELECT d.code AS lead,
            array(SELECT DISTINCT t.department FROM case_tasks t WHERE t.case_id = $1 AND t.department IS NOT NULL)::text[] AS others
       FROM matters m JOIN departments d ON d.id = m.department_id WHERE m.id = $2`,
    [kase.id, kase.matterId],
  );
  return { lead: row.lead, all: [...new Set([row.lead, ...row.others])] };
}

/** The department that holds a task: its own when the process names one (tongban:department), else the case's. */
export const taskDepartment = (task: { department: string | null }, departments: Pick<CaseDepartments, 'lead'>) => task.department ?? departments.lead;

/** The applicant's own account, or a member of the organisation the case was filed for. */
export const isApplicant = (actor: Actor, kase: Pick<Case, 'applicantId' | 'organisationId'>) =>
  (kase.applicantId !== null && kase.applicantId === actor.id) || (kase.organisationId !== null && kase.organisationId === actor.organisationId);

/**
 * The applicant, or — for a walk-in case — the window staff of the department that filed it, who hand over
 * materials and answer notices for the applicant at the counter (whichever clerk is on duty when they come back).
 */
export const isFiler = (actor: Actor, kase: FiledCase) => isApplicant(actor, kase) || actsAtTheWindowFor(actor, kase);

export const actsAtTheWindowFor = (actor: Pick<Actor, 'roles' | 'departmentCodes'>, kase: Pick<Case, 'channel' | 'filingDepartment'>) =>
  kase.channel === 'window' && actor.roles.includes('window_staff') && actor.departmentCodes.includes(kase.filingDepartment!);

/** The role a filer acts in, for the audit trail: the applicant, or the window staff acting for them. */
export const filerRole = (actor: Actor, kase: FiledCase) => (actsAtTheWindowFor(actor, kase) && kase.applicantId !== actor.id ? 'window_staff' : 'applicant');

/**
 * Who sees a case: its filers; staff who serve one of the departments it belongs to; supervisors and
 * administrators, every case. This is the one rule of the codebase; the to-do list applies its twin in SQL
 * (task-eligibility.ts), and a task a person may hold always belongs to a case they see.
 */
export async function canRead(db: EntityManager, actor: Actor, kase: ReadableCase): Promise<boolean> {
  if (isFiler(actor, kase)) return true;
  if (!isStaff(actor)) return false;
  if (seesEveryDepartment(actor)) return true;
  const { all } = await departmentsOf(db, kase);
  return all.some((code) => actor.departmentCodes.includes(code));
}

/** The case, when this actor may see it; to anyone else it does not exist (404, as for a missing case). Inside a transaction, pass its manager. */
export async function assertCanRead<T extends ReadableCase>(db: EntityManager, actor: Actor, kase: T | null): Promise<T> {
  if (!kase || !(await canRead(db, actor, kase))) throw notFound(CASE, 'CASE_NOT_FOUND');
  return kase;
}

/**
 * Who may see where a case stands in its process (the elements passed, where it waits, the version): whoever sees
 * the case, and process designers. Designers serve no department, yet they change the processes cases run on and
 * must see where running cases stand to judge a new version or find a step that stalls; a position names elements
 * of the diagram they keep, not the applicant, the materials or the documents, which stay hidden from them.
 */
export async function assertCanReadPosition<T extends ReadableCase>(db: EntityManager, actor: Actor, kase: T | null): Promise<T> {
  if (kase && actor.roles.includes('process_designer')) return kase;
  return assertCanRead(db, actor, kase);
}

export const NOT_THE_APPLICANT = {
  code: 'NOT_THE_APPLICANT',
  message: {
    zh: '只有申请人本人、其所在单位的经办人或代办的窗口可以操作该办件',
    en: 'Only the applicant, a member of the organisation that filed, or the window that filed for them may do this on the case',
  },
};

export function assertIsApplicant(actor: Actor, kase: FiledCase): void {
  if (!isFiler(actor, kase)) throw new AppError(403, NOT_THE_APPLICANT.code, NOT_THE_APPLICANT.message);
}

/** Reads a case for its filers only: to staff and strangers alike it does not exist here. */
export function assertFiler(actor: Actor, kase: Case | null): asserts kase is Case {
  if (!kase || !isFiler(actor, kase)) throw notFound(CASE, 'CASE_NOT_FOUND');
}
