import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { MaterialChecklist } from '../materials/material-checklist.service.js';
import { EngineStep } from '../processes/engine/process-engine.js';
import { ProcessEngine } from '../processes/engine/process-engine.js';
import { ProcessDefinitionService } from '../processes/process-definition.service.js';
import { ProcessInstanceService } from '../processes/process-instance.service.js';
import { CaseCommand } from './case-command.entity.js';
import { CaseTask } from './case-task.entity.js';
import { Case } from './case.entity.js';
import { actionLabel } from './action-labels.js';
import { TransitionCommand, TransitionOutcome } from './transition.js';

type Refusal = Extract<TransitionOutcome, { result: 'refused' }>;

/**
 * Carries out one transition command, in one transaction: lock the case, find the open task that offers
 * the action, let the process take its next step, then save the engine state, the tasks, the case, the
 * audit entry and the outcome together. Workers run this; so does the embedded mode's in-process queue.
 */
@Injectable()
export class CaseTransitionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcessEngine,
    private readonly definitions: ProcessDefinitionService,
    private readonly instances: ProcessInstanceService,
    private readonly checklist: MaterialChecklist,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  execute(command: TransitionCommand): Promise<TransitionOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const kase = await tx.getRepository(Case).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id: command.caseId }).getOne();
      if (!kase) return refusal(command, 404, 'CASE_NOT_FOUND', { zh: '办件不存在', en: 'Case not found' });
      // Checked under the case's lock, so a command id running twice at once is still carried out once.
      const earlier = await tx.findOneBy(CaseCommand, { commandId: command.commandId });
      if (earlier) return earlier.outcome;

      const outcome = await this.carryOut(tx, kase, command);
      await tx.insert(CaseCommand, { commandId: command.commandId, caseId: kase.id, action: command.action, actorId: command.actor.id, outcome: outcome as never });
      return outcome;
    });
  }

  private async carryOut(tx: EntityManager, kase: Case, command: TransitionCommand): Promise<TransitionOutcome> {
    const openTasks = await tx.find(CaseTask, { where: { caseId: kase.id, closedAt: IsNull() }, order: { openedAt: 'ASC' } });
    const task = openTasks.find((candidate) => candidate.actions.includes(command.action));
    if (!task) return stageConflict(command, kase, openTasks);
    const refused = await this.checkActor(tx, kase, task, command);
    if (refused) return refused;

    const process = await this.definitions.compile(kase.processDefinitionId, tx);
    const instance = await this.instances.load(tx, kase.id);
    const step = await this.engine.complete(process, kase.id, instance.state, task.elementId, command.action);
    const now = this.clock.now();
    const stageFrom = { id: kase.stage, name: kase.stageName };

    await this.instances.save(tx, kase.id, kase.processDefinitionId, step);
    await tx.update(CaseTask, { id: task.id }, { closedAt: now, closedBy: command.actor.id, closingAction: command.action });
    await syncTasks(tx, kase.id, step, now);
    applyStep(kase, step, now);
    if (command.action === 'submit') kase.submittedAt = now;
    await tx.save(kase);
    await this.audit.append(tx, {
      caseId: kase.id,
      action: command.action,
      actorId: command.actor.id,
      actorName: command.actor.displayName,
      actorRole: task.role,
      stageFrom: stageFrom.id,
      stageTo: kase.stage,
      comment: command.payload.comment,
      commandId: command.commandId,
      details: { stageFromName: stageFrom.name, stageToName: kase.stageName },
      at: now,
    });
    return { commandId: command.commandId, result: 'done', action: command.action, case: stageOf(kase) };
  }

  private async checkActor(tx: EntityManager, kase: Case, task: CaseTask, command: TransitionCommand): Promise<Refusal | null> {
    const { actor } = command;
    if (!actor.roles.includes(task.role as never)) {
      return refusal(command, 403, 'ROLE_NOT_ALLOWED', {
        zh: `“${task.name}”需要角色 ${task.role}`,
        en: `"${task.name}" needs the role ${task.role}`,
      }, { requiredRole: task.role });
    }
    if (task.role === 'applicant' && kase.applicantId !== actor.id) {
      return refusal(command, 403, 'NOT_THE_APPLICANT', { zh: '只有申请人本人可以操作该办件', en: 'Only the applicant may do this on the case' });
    }
    if (command.action === 'submit') {
      const missing = await this.checklist.missing(tx, kase.id, kase.matterId);
      if (missing.length) {
        const names = missing.map((item) => item.name);
        return refusal(command, 422, 'MATERIALS_MISSING', {
          zh: `缺少必要申请材料：${names.join('、')}`,
          en: `Required materials are missing: ${names.join(', ')}`,
        }, { missing });
      }
    }
    return null;
  }
}

/**
 * Mirrors the engine's waiting user tasks into case_tasks: a task still waiting stays open as it is, one
 * the engine no longer waits on is closed, a new one is opened.
 */
export async function syncTasks(tx: EntityManager, caseId: string, step: EngineStep, now: Date): Promise<void> {
  const waitingIds = step.waiting.map((task) => task.elementId);
  await tx.query(`UPDATE case_tasks SET closed_at = $1 WHERE case_id = $2 AND closed_at IS NULL AND NOT (element_id = ANY($3))`, [now, caseId, waitingIds]);
  for (const waiting of step.waiting) {
    await tx
      .createQueryBuilder()
      .insert()
      .into(CaseTask)
      .values({ caseId, elementId: waiting.elementId, name: waiting.name, role: waiting.role, actions: waiting.actions, openedAt: now })
      .orIgnore()
      .execute();
  }
}

/** Where the case stands after a step: at the task it waits on, or at the end event it reached. */
export function applyStep(kase: Case, step: EngineStep, now: Date): void {
  if (step.ended && !step.waiting.length) {
    kase.stage = step.ended.elementId;
    kase.stageName = step.ended.name;
    kase.status = 'closed';
    kase.closedAt = now;
    return;
  }
  kase.stage = step.waiting.map((task) => task.elementId).join('+');
  kase.stageName = step.waiting.map((task) => task.name).join(' + ');
}

export const stageOf = (kase: Case) => ({
  id: kase.id,
  caseNumber: kase.caseNumber,
  stage: kase.stage,
  stageName: kase.stageName,
  status: kase.status,
  version: kase.version,
});

function refusal(command: TransitionCommand, httpStatus: number, code: string, message: Refusal['message'], details?: unknown): Refusal {
  return { commandId: command.commandId, result: 'refused', httpStatus, code, message, ...(details === undefined ? {} : { details }) };
}

function stageConflict(command: TransitionCommand, kase: Case, openTasks: CaseTask[]): Refusal {
  const label = actionLabel(command.action);
  return refusal(command, 409, 'STAGE_CONFLICT', {
    zh: `办件当前处于“${kase.stageName}”阶段，不能执行“${label.zh}”`,
    en: `The case is at the stage "${kase.stageName}"; "${label.en}" is not possible now`,
  }, { ...stageOf(kase), availableActions: openTasks.flatMap((task) => task.actions) });
}
