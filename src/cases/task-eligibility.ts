import type { Actor } from '../common/actor.js';
import type { Message } from '../common/app-error.js';
import type { CaseTask } from './case-task.entity.js';

export interface Ineligibility {
  httpStatus: number;
  code: string;
  message: Message;
  details: object;
}

/** Why this person may not hold this task (its role, its department, someone else's claim), or null when they may. */
export function ineligibility(actor: Pick<Actor, 'id' | 'roles' | 'departmentCode'>, task: CaseTask, { ignoreClaim = false } = {}): Ineligibility | null {
  if (!actor.roles.includes(task.role as never)) {
    return { httpStatus: 403, code: 'ROLE_NOT_ALLOWED', message: { zh: `“${task.name}”需要角色 ${task.role}`, en: `"${task.name}" needs the role ${task.role}` }, details: { requiredRole: task.role } };
  }
  if (task.department && actor.departmentCode !== task.department) {
    return {
      httpStatus: 403, code: 'DEPARTMENT_NOT_ALLOWED',
      message: { zh: `“${task.name}”由部门 ${task.department} 办理`, en: `"${task.name}" is for the department ${task.department}` },
      details: { requiredDepartment: task.department },
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
