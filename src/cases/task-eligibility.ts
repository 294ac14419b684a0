import type { Actor } from '../common/actor.js';
import type { Message } from '../common/app-error.js';
import { type CaseDepartments, taskDepartment } from './case-access.js';
import type { CaseTask } from './case-task.entity.js';

export interface Ineligibility {
  httpStatus: number;
  code: string;
  message: Message;
  details: object;
}

/**
 * Why this person may not hold this task of a case belonging to `departments` (its role; its department, which
 * staff must serve; someone else's claim), or null when they may. Whether an applicant's task is theirs is the
 * filer rule (case-access.ts), not a department's.
 */
export function ineligibility(
  actor: Pick<Actor, 'id' | 'roles' | 'departmentCodes'>,
  task: CaseTask,
  departments: Pick<CaseDepartments, 'lead'>,
  { ignoreClaim = false } = {},
): Ineligibility | null {
  if (!actor.roles.includes(task.role as never)) {
    return { httpStatus: 403, code: 'ROLE_NOT_ALLOWED', message: { zh: `“${task.name}”需要角色 ${task.role}`, en: `"${task.name}" needs the role ${task.role}` }, details: { requiredRole: task.role } };
  }
  const department = taskDepartment(task, departments);
  if (task.role !== 'applicant' && !actor.departmentCodes.includes(department)) {
    return {
      httpStatus: 403, code: 'DEPARTMENT_NOT_ALLOWED',
      message: { zh: `“${task.name}”由部门 ${department} 办理`, en: `"${task.name}" is for the department ${department}` },
      details: { requiredDepartment: department },
    };
  }
  if (!ignoreClaim && task.assigneeId && task.assigneeId !== actor.id) {
    return {
      httpStatus: 409, code: 'TASK_CLAIMED',
      message: { zh: `“${task.name}”已由其他工作人员签收办理`, en: `"${task.name}" has been claimed by another member of staff` },
      details: { taskId: task.id, assigneeId: task.assigneeId, claimedAt: task.claimedAt },
    };
  }
  return null;
}

/** What `ELIGIBLE_TASK` reads besides the task `t`: its case `c`, the case's matter `m` and the matter's department `d`. */
export const TASK_DEPARTMENT_JOINS = 'JOIN cases c ON c.id = t.case_id JOIN matters m ON m.id = c.matter_id JOIN departments d ON d.id = m.department_id';

/**
 * `ineligibility` in SQL, for lists of open tasks `t` (with TASK_DEPARTMENT_JOINS): $1 the person's staff roles,
 * $2 their department codes, $3 their id. Kept beside the function so that the two cannot drift apart.
 */
export const ELIGIBLE_TASK = `t.role = ANY($1) AND coalesce(t.department, d.code) = ANY($2) AND (t.assignee_id IS NULL OR t.assignee_id = $3)`;
