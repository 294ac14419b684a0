import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor, assertRole, isStaff } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import type { Role } from '../identity/user.entity.js';
import { NotificationsService } from '../notifications/notifications.service.js';
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
    return this.change(actor, taskId, async (tx, task, kase) => {
      const problem = ineligibility(actor, task);
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
    return this.change(actor, taskId, async (tx, task, kase) => {
      const problem = ineligibility(actor, task);
      if (problem) throw refused(problem);
      const assignee = await this.staffMember(tx, assigneeId);
      const unfit = ineligibility(assignee, task, { ignoreClaim: true });
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

  private async change(actor: Actor, taskId: string, work: (tx: EntityManager, task: CaseTask, kase: Case) => Promise<CaseTask>) {
    assertRole(actor, ['window_staff', 'reviewer', 'decider'], STAFF);
    const task = await this.dataSource.transaction(async (tx) => {
      const found = await tx.findOneBy(CaseTask, { id: taskId });
      const kase = found && (await lockCase(tx, found.caseId));
      // Read again under the case's lock: a transition may have closed it meanwhile.
      const current = kase && (await tx.findOneBy(CaseTask, { id: taskId }));
      if (!current || !kase) throw notFound(TASK, 'TASK_NOT_FOUND');
      if (current.closedAt) throw new AppError(409, 'TASK_CLOSED', { zh: `“${current.name}”已办结`, en: `"${current.name}" is already done` }, { closedAt: current.closedAt, closingAction: current.closingAction });
      return work(tx, current, kase);
    });
    const { id, caseId, elementId, name, assigneeId, claimedAt } = task;
    return { id, caseId, elementId, name, assigneeId, claimedAt };
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

  private async staffMember(tx: EntityManager, userId: string): Promise<Pick<Actor, 'id' | 'displayName' | 'roles' | 'departmentCode'>> {
    const [row] = await tx.query(
      `SELECT u.id, u.display_name AS "displayName", u.roles, d.code AS "departmentCode" FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = $1`,
      [userId],
    );
    if (!row || !isStaff({ ...row, roles: row.roles as Role[], organisationId: null })) {
      throw new AppError(422, 'ASSIGNEE_NOT_FOUND', { zh: '接收人不是本平台的工作人员', en: 'The assignee is not a member of staff' }, {
        fields: [{ field: 'assigneeId', problems: ['assigneeId must be the id of a member of staff'] }],
      });
    }
    return row;
  }

  private trail(tx: EntityManager, actor: Actor, kase: Case, task: CaseTask, action: string, comment: string | null, details: object) {
    return this.audit.append(tx, {
      caseId: kase.id, action, actorId: actor.id, actorName: actor.displayName, actorRole: task.role,
      stageFrom: kase.stage, stageTo: kase.stage, comment, commandId: null, details: { taskId: task.id, taskName: task.name, ...details }, at: this.clock.now(),
    });
  }
}
