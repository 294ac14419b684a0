import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor, assertRole, isStaff } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { actorOf } from '../identity/actors.js';
import { User } from '../identity/user.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { type CaseDepartments, canRead, departmentsOf, taskDepartment } from './case-access.js';
import { CaseTask } from './case-task.entity.js';
import { lockCase } from './case-transition.service.js';
import type { Case } from './case.entity.js';
import { ineligibility } from './task-eligibility.js';

const TASK = { zh: '待办任务', en: 'Task' };
const STAFF = { zh: '工作人员', en: 'staff' };

const refused = (problem: NonNullable<ReturnType<typeof ineligibility>>) => new AppError(problem.httpStatus, problem.code, problem.message, problem.details);

/**
 * Who holds an open task: claimed (签收) it is one person's until they release it or hand it on with a reason
 * (转办). Each change locks the case, like a transition, and is on the case's audit trail.
 */
@Injectable()
export class TaskClaimsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  claim(actor: Actor, taskId: string) {
    return this.change(actor, taskId, async (tx, task, kase, departments) => {
      const problem = ineligibility(actor, task, departments);
      if (problem) throw refused(problem);
      if (task.assigneeId === actor.id) return task;
      await this.assign(tx, task, actor.id);
      await this.trail(tx, actor, kase, task, 'task.claimed', null, {});
      return task;
    });
  }

  release(actor: Actor, taskId: string) {
    return this.change(actor, taskId, async (tx, task, kase) => {
      this.assertHolder(actor, task);
      await this.assign(tx, task, null);
      await this.trail(tx, actor, kase, task, 'task.released', null, {});
      return task;
    });
  }

  /** Hands the task to a colleague who may hold it: by its holder, or by anyone who may hold it while nobody does. */
  reassign(actor: Actor, taskId: string, assigneeId: string, reason: string) {
    return this.change(actor, taskId, async (tx, task, kase, departments) => {
      const problem = ineligibility(actor, task, departments);
      if (problem) throw refused(problem);
      const assignee = await this.staffMember(tx, assigneeId);
      const unfit = ineligibility(assignee, task, departments, { ignoreClaim: true });
      if (unfit) {
        throw new AppError(422, 'ASSIGNEE_NOT_ELIGIBLE', { zh: `${assignee.displayName}不能办理此任务：${unfit.message.zh}`, en: `${assignee.displayName} cannot hold this task: ${unfit.message.en}` }, {
          fields: [{ field: 'assigneeId', problems: [unfit.message.en] }],
        });
      }
      const from = task.assigneeId;
      await this.assign(tx, task, assignee.id);
      await this.trail(tx, actor, kase, task, 'task.reassigned', reason, { from, to: assignee.id, toName: assignee.displayName });
      const title = `${kase.caseNumber}：${task.name} 已转交您办理 A task was passed to you`;
      await this.notifications.send({ userId: assignee.id, caseId: kase.id, dedupeKey: null, title, body: `${actor.displayName}：${reason}` }, tx);
      return task;
    });
  }

  /**
   * Whom the asker could pass the task to (转办): staff whose accounts are in use, with the task's role, serving
   * its department; the asker aside. Only someone who may pass it on asks, so the list tells no one else who works where.
   */
  async colleagues(actor: Actor, taskId: string): Promise<{ id: string; name: string; username: string; holdsTask: boolean }[]> {
    assertRole(actor, ['window_staff', 'reviewer', 'decider'], STAFF);
    return this.dataSource.transaction(async (tx) => {
      const { task, kase } = await this.openTask(tx, actor, taskId);
      const departments = await departmentsOf(tx, kase);
      const problem = ineligibility(actor, task, departments);
      if (problem) throw refused(problem);
      const found: { id: string; name: string; username: string }[] = await tx.query(
        `SELECT u.id, u.display_name AS name, u.username FROM users u
           JOIN staff_departments s ON s.user_id = u.id JOIN departments d ON d.id = s.department_id
          WHERE d.code = $1 AND $2 = ANY(u.roles) AND u.disabled_at IS NULL AND u.id <> $3
          ORDER BY u.display_name, u.username`,
        [taskDepartment(task, departments), task.role, actor.id],
      );
      return found.map((colleague) => ({ ...colleague, holdsTask: colleague.id === task.assigneeId }));
    });
  }

  /**
   * Releases, in the caller's transaction, the open tasks a member of staff holds but may no longer (their
   * account disabled: `holder` null; a role or a department taken away), each on its case's trail with the
   * administrator's reason. Returns how many were released.
   */
  async releaseUnfit(tx: EntityManager, holderId: string, holder: Actor | null, by: Actor, reason: string): Promise<number> {
    const held = await tx.find(CaseTask, { where: { assigneeId: holderId, closedAt: IsNull() }, order: { caseId: 'ASC' } });
    let released = 0;
    for (const task of held) {
      const kase = (await lockCase(tx, task.caseId))!;
      if (holder && !ineligibility(holder, task, await departmentsOf(tx, kase), { ignoreClaim: true })) continue;
      await this.assign(tx, task, null);
      await this.trail(tx, by, kase, task, 'task.released', reason, { from: holderId }, 'administrator');
      released++;
    }
    return released;
  }

  private async change(actor: Actor, taskId: string, work: (tx: EntityManager, task: CaseTask, kase: Case, departments: CaseDepartments) => Promise<CaseTask>) {
    assertRole(actor, ['window_staff', 'reviewer', 'decider'], STAFF);
    const task = await this.dataSource.transaction(async (tx) => {
      const { task: current, kase } = await this.openTask(tx, actor, taskId);
      return work(tx, current, kase, await departmentsOf(tx, kase));
    });
    const { id, caseId, elementId, name, assigneeId, claimedAt } = task;
    return { id, caseId, elementId, name, assigneeId, claimedAt };
  }

  /** The open task with its case locked; a task of a case this person may not see does not exist for them, as the case does not. */
  private async openTask(tx: EntityManager, actor: Actor, taskId: string): Promise<{ task: CaseTask; kase: Case }> {
    const found = await tx.findOneBy(CaseTask, { id: taskId });
    const kase = found && (await lockCase(tx, found.caseId));
    // Read again under the case's lock: a transition may have closed it meanwhile.
    const task = kase && (await tx.findOneBy(CaseTask, { id: taskId }));
    if (!task || !kase || !(await canRead(tx, actor, kase))) throw notFound(TASK, 'TASK_NOT_FOUND');
    if (task.closedAt) throw new AppError(409, 'TASK_CLOSED', { zh: `“${task.name}”已办结`, en: `"${task.name}" is already done` }, { closedAt: task.closedAt, closingAction: task.closingAction });
    return { task, kase };
  }

  private assertHolder(actor: Actor, task: CaseTask): void {
    if (task.assigneeId === actor.id) return;
    throw new AppError(409, 'NOT_THE_HOLDER', { zh: '只有签收人可以退回签收', en: 'Only the member of staff who claimed the task may release it' }, { assigneeId: task.assigneeId });
  }

  private async assign(tx: EntityManager, task: CaseTask, assigneeId: string | null): Promise<void> {
    task.assigneeId = assigneeId;
    task.claimedAt = assigneeId ? this.clock.now() : null;
    await tx.update(CaseTask, { id: task.id }, { assigneeId: task.assigneeId, claimedAt: task.claimedAt });
  }

  /** The colleague a task is passed to, as they are now: a member of staff whose account is in use. */
  private async staffMember(tx: EntityManager, userId: string): Promise<Actor> {
    const user = await tx.findOneBy(User, { id: userId });
    const assignee = user && !user.disabledAt ? await actorOf(tx, user) : null;
    if (!assignee || !isStaff(assignee)) {
      throw new AppError(422, 'ASSIGNEE_NOT_FOUND', { zh: '接收人不是本平台在岗的工作人员', en: 'The assignee is not a member of staff with an account in use' }, {
        fields: [{ field: 'assigneeId', problems: ['assigneeId must be the id of a member of staff whose account is not disabled'] }],
      });
    }
    return assignee;
  }

  private trail(tx: EntityManager, actor: Actor, kase: Case, task: CaseTask, action: string, comment: string | null, details: object, role = task.role) {
    return this.audit.append(tx, {
      caseId: kase.id, action, actorId: actor.id, actorName: actor.displayName, actorRole: role,
      stageFrom: kase.stage, stageTo: kase.stage, comment, commandId: null, details: { taskId: task.id, taskName: task.name, ...details }, at: this.clock.now(),
    });
  }
}
