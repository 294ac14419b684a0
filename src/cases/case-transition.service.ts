import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { MaterialSubmission, NOTICE_ACTION, SUBMITTING_ACTIONS } from '../materials/material-submission.js';
import { type StageChange, StageChangeNotifier } from '../notifications/stage-change-notifier.js';
import { EngineSignal, ProcessEngine } from '../processes/engine/process-engine.js';
import { ProcessDefinitionService } from '../processes/process-definition.service.js';
import { ProcessInstanceService } from '../processes/process-instance.service.js';
import { actionLabel } from './action-labels.js';
import { type CaseDepartments, departmentsOf, filerRole, isFiler, NOT_THE_APPLICANT } from './case-access.js';
import { DeliveryRecords } from './delivery/delivery-records.js';
import { ineligibility } from './task-eligibility.js';
import { CaseCommand } from './case-command.entity.js';
import { CaseStepRecorder, stageOf } from './case-steps.js';
import { CaseTask } from './case-task.entity.js';
import { Case } from './case.entity.js';
import type { CaseTimer } from './legal-clock/case-timer.entity.js';
import { CaseTimerStore } from './legal-clock/case-timer-store.js';
import { type ClockStep, LegalClockService } from './legal-clock/legal-clock.service.js';
import { CaseDocumentsService } from './results/case-documents.service.js';
import { ServiceRunDispatcher } from './service-runs/service-run-dispatcher.js';
import { ServiceRun } from './service-runs/service-run.entity.js';
import { SYSTEM_ACTOR, type TrailActor } from './trail-actor.js';
import { TransitionCommand, TransitionOutcome } from './transition.js';

type Refusal = Extract<TransitionOutcome, { result: 'refused' }>;


interface StepAudit {
  action: string;
  actor: TrailActor;
  comment: string | null;
  commandId: string | null;
  details?: object;
}

/** What a committed step leaves to do: service runs to hand to the workers, timers to arm, the applicant to tell. */
export interface StepEffects {
  serviceRuns: string[];
  timers: CaseTimer[];
  stageChanges: StageChange[];
}

const NO_EFFECTS: StepEffects = { serviceRuns: [], timers: [], stageChanges: [] };

// Deemed acceptance completes the acceptance tasks with the action that accepts them: neither of these.
const NOT_ACCEPTING = ['refuse', 'requestSupplement'];
// Actions that must say why: the person the case goes back to reads the reason on the timeline.
const NEEDS_REASON = ['sendBack'];
const DEEMED_ACCEPTANCE_COMMENT = '受理期限内未作出决定，依法视为受理（《行政许可法》第三十二条） No decision within the acceptance period: accepted by law (Art. 32)';

/**
 * Carries out transitions, each in one transaction: lock the case, let the process take its next step, then
 * save the engine state, the tasks, the service runs, the case and the audit entry together. A person's
 * command completes a user task; a handler's result completes a service task. Workers run this; so does the
 * embedded mode's in-process queue. Service runs the step opened go to the workers once it has committed.
 */
@Injectable()
export class CaseTransitionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly engine: ProcessEngine,
    private readonly definitions: ProcessDefinitionService,
    private readonly instances: ProcessInstanceService,
    private readonly recorder: CaseStepRecorder,
    private readonly materials: MaterialSubmission,
    private readonly deliveries: DeliveryRecords,
    private readonly audit: AuditService,
    private readonly dispatcher: ServiceRunDispatcher,
    private readonly legalClock: LegalClockService,
    private readonly timers: CaseTimerStore,
    private readonly stageNotifier: StageChangeNotifier,
    private readonly documents: CaseDocumentsService,
    private readonly clock: Clock,
  ) {}

  async execute(command: TransitionCommand): Promise<TransitionOutcome> {
    const { outcome, effects } = await this.dataSource.transaction(async (tx) => {
      const kase = await lockCase(tx, command.caseId);
      if (!kase) return { outcome: refusal(command, 404, 'CASE_NOT_FOUND', { zh: '办件不存在', en: 'Case not found' }), effects: NO_EFFECTS };
      // Checked under the case's lock, so a command id running twice at once is still carried out once.
      const earlier = await tx.findOneBy(CaseCommand, { commandId: command.commandId });
      if (earlier) return { outcome: earlier.outcome, effects: NO_EFFECTS };

      const result = await this.carryOut(tx, kase, command);
      await tx.insert(CaseCommand, { commandId: command.commandId, caseId: kase.id, action: command.action, actorId: command.actor.id, outcome: result.outcome as never });
      return result;
    });
    await this.dispatch(effects);
    return outcome;
  }

  /** Completes a service task with its handler's result; a run no longer pending (done twice, retried) is left alone. */
  async completeService(runId: string, output: object): Promise<void> {
    const effects = await this.dataSource.transaction(async (tx) => {
      const run = await tx.findOneBy(ServiceRun, { id: runId });
      const kase = run && (await lockCase(tx, run.caseId));
      const current = kase && (await tx.findOneBy(ServiceRun, { id: runId }));
      if (!kase || current?.status !== 'pending') return NO_EFFECTS;
      const audit = { action: `service.${current.handler}`, actor: SYSTEM_ACTOR, comment: null, commandId: null, details: { serviceRunId: runId, output } };
      const effects = await this.advance(tx, kase, { serviceTask: current.elementId, output }, audit, { completed: null, action: audit.action, comment: null });
      await tx.update(ServiceRun, { id: runId }, { status: 'done', finishedAt: this.clock.now(), lastError: null });
      return effects;
    });
    await this.dispatch(effects);
  }

  /**
   * Accepts a case by law (视为受理), in the caller's transaction: the platform completes each open
   * acceptance task with the action that accepts it, as the process offers, until none is left.
   */
  async deemAccepted(tx: EntityManager, kase: Case): Promise<StepEffects> {
    const effects: StepEffects = { serviceRuns: [], timers: [], stageChanges: [] };
    for (let step = 0; step < 3; step++) {
      const open = await tx.find(CaseTask, { where: { caseId: kase.id, closedAt: IsNull() }, order: { openedAt: 'ASC', elementId: 'ASC' } });
      const task = open.find((candidate) => candidate.stages.some((stage) => stage === 'acceptance' || stage === 'preAcceptance'));
      const action = task?.actions.find((candidate) => !NOT_ACCEPTING.includes(candidate));
      if (!task || !action) break;
      // A task that also decides (an instant case's window) is not completed: the law accepts the
      // application, only the organ may grant or deny it (Art. 38). The clock records the acceptance.
      if (task.stages.includes('decision')) {
        effects.timers.push(...(await this.legalClock.deemAcceptedWithoutStep(tx, kase, DEEMED_ACCEPTANCE_COMMENT)));
        break;
      }
      await tx.update(CaseTask, { id: task.id }, { closedAt: this.clock.now(), closedBy: null, closingAction: action });
      const audit = { action, actor: SYSTEM_ACTOR, comment: DEEMED_ACCEPTANCE_COMMENT, commandId: null, details: { deemedAcceptance: true } };
      const done = await this.advance(tx, kase, { userTask: task.elementId, outcome: action }, audit, { completed: task, action, comment: audit.comment, deemed: true });
      effects.serviceRuns.push(...done.serviceRuns);
      effects.timers.push(...done.timers);
      effects.stageChanges.push(...done.stageChanges);
    }
    return effects;
  }

  async dispatch(effects: StepEffects): Promise<void> {
    await this.dispatcher.dispatch(effects.serviceRuns.map((id) => ({ id, retries: 0 })));
    await this.timers.dispatch(effects.timers);
    await this.stageNotifier.dispatch(effects.stageChanges);
  }

  private async carryOut(tx: EntityManager, kase: Case, command: TransitionCommand): Promise<{ outcome: TransitionOutcome; effects: StepEffects }> {
    const openTasks = await tx.find(CaseTask, { where: { caseId: kase.id, closedAt: IsNull() }, order: { openedAt: 'ASC', elementId: 'ASC' } });
    const candidates = openTasks.filter((task) => task.actions.includes(command.action) && (!command.taskId || task.elementId === command.taskId));
    if (!candidates.length) return { outcome: stageConflict(command, kase, openTasks), effects: NO_EFFECTS };
    const departments = await departmentsOf(tx, kase);
    // Co-departments' tasks offer the same actions: the actor's own is the one meant.
    const task = candidates.find((candidate) => !whyNot(kase, departments, candidate, command)) ?? candidates[0];
    const refused = whyNot(kase, departments, task, command) ?? reasonMissing(command) ?? (await this.checkMaterials(tx, kase, command)) ?? (await this.checkLaw(tx, kase, task, command));
    if (refused) return { outcome: refused, effects: NO_EFFECTS };

    // Closed before the step, so that a process which waits on the same task again opens a new one.
    await tx.update(CaseTask, { id: task.id }, { closedAt: this.clock.now(), closedBy: command.actor.id, closingAction: command.action });
    const actor = { id: command.actor.id, displayName: command.actor.displayName, role: task.role === 'applicant' ? filerRole(command.actor, kase) : task.role };
    const { comment, specialProcedure, competentAuthority } = command.payload;
    const materials = await this.materialsStep(tx, kase, command);
    const delivery = await this.deliveries.record(tx, kase, command, this.clock.now());
    const effects = await this.advance(tx, kase, { userTask: task.elementId, outcome: command.action }, {
      action: command.action, actor, comment, commandId: command.commandId,
      details: { ...(task.department ? { department: task.department } : {}), ...(specialProcedure ? { specialProcedure } : {}), ...(competentAuthority ? { competentAuthority } : {}), ...materials, ...delivery },
    }, { completed: task, action: command.action, comment, specialProcedure, competentAuthority });
    return { outcome: { commandId: command.commandId, result: 'done', action: command.action, case: stageOf(kase) }, effects };
  }

  /** Lets the process take one step from its saved state and records it, with its audit entry and what it means for the legal clock. */
  private async advance(tx: EntityManager, kase: Case, signal: EngineSignal, audit: StepAudit, clockStep: Omit<ClockStep, 'step'>): Promise<StepEffects> {
    const process = await this.definitions.compile(kase.processDefinitionId, tx);
    const instance = await this.instances.load(tx, kase.id);
    const step = await this.engine.advance(process, kase.id, instance.state, signal);
    const now = this.clock.now();
    const stageFrom = { id: kase.stage, name: kase.stageName };
    if (audit.action === 'submit') kase.submittedAt = now;
    const serviceRuns = await this.recorder.record(tx, kase, step, now);
    await this.audit.append(tx, {
      caseId: kase.id, action: audit.action, actorId: audit.actor.id, actorName: audit.actor.displayName, actorRole: audit.actor.role,
      stageFrom: stageFrom.id, stageTo: kase.stage, comment: audit.comment, commandId: audit.commandId,
      details: { ...audit.details, stageFromName: stageFrom.name, stageToName: kase.stageName }, at: now,
    });
    const timers = await this.legalClock.afterStep(tx, kase, { ...clockStep, step });
    await this.documents.afterStep(tx, kase, { ...clockStep, step }, serviceRuns, now);
    const { id: caseId, version, caseNumber, stageName, status, applicantId, handlerPhone: phone } = kase;
    // The applicant hears of stages where people act, and of the end; not of the platform's own steps between.
    const told = step.waiting.length > 0 || status === 'closed';
    return { serviceRuns, timers, stageChanges: told ? [{ caseId, version, caseNumber, stageName, status, applicantId, phone }] : [] };
  }

  private async checkLaw(tx: EntityManager, kase: Case, task: CaseTask, command: TransitionCommand): Promise<Refusal | null> {
    const error = await this.legalClock.refusal(tx, kase.id, task, command.action, command.payload);
    return error && refusal(command, error.body.statusCode, error.body.code, error.body.message, error.body.details);
  }

  /** A submission needs its materials; a supplementation notice must name items of the case's matter; a hand-over its record. */
  private async checkMaterials(tx: EntityManager, kase: Case, command: TransitionCommand): Promise<Refusal | null> {
    const refused = SUBMITTING_ACTIONS.includes(command.action)
      ? await this.materials.refusal(tx, kase)
      : command.action === NOTICE_ACTION
        ? await this.materials.noticeRefusal(tx, kase, command.payload.supplementItems ?? [])
        : this.deliveries.refusal(command);
    return refused && refusal(command, 422, refused.code, refused.message, refused.details);
  }

  /** Freezes what a submission hands over, or records the notice a request for supplements issues; details for the trail. */
  private async materialsStep(tx: EntityManager, kase: Case, command: TransitionCommand): Promise<object> {
    const now = this.clock.now();
    if (SUBMITTING_ACTIONS.includes(command.action)) return { submission: await this.materials.freeze(tx, kase, now) };
    if (command.action !== NOTICE_ACTION) return {};
    const notice = await this.materials.issueNotice(tx, kase, command.actor.id, command.payload.supplementItems ?? [], command.payload.comment, now);
    return { supplementationNotice: { id: notice.id, round: notice.round, items: notice.items } };
  }
}

export const lockCase = (tx: EntityManager, caseId: string) =>
  tx.getRepository(Case).createQueryBuilder('c').setLock('pessimistic_write').where('c.id = :id', { id: caseId }).getOne();

function refusal(command: TransitionCommand, httpStatus: number, code: string, message: Refusal['message'], details?: unknown): Refusal {
  return { commandId: command.commandId, result: 'refused', httpStatus, code, message, ...(details === undefined ? {} : { details }) };
}

/** Why this actor may not complete this task, or null when they may. */
function whyNot(kase: Case, departments: CaseDepartments, task: CaseTask, command: TransitionCommand): Refusal | null {
  const { actor } = command;
  // The applicant's tasks are the filers' (the window's clerks for a walk-in case), whatever their roles.
  if (task.role === 'applicant') return isFiler(actor, kase) ? null : refusal(command, 403, NOT_THE_APPLICANT.code, NOT_THE_APPLICANT.message);
  const problem = ineligibility(actor, task, departments);
  return problem && refusal(command, problem.httpStatus, problem.code, problem.message, problem.details);
}

function reasonMissing(command: TransitionCommand): Refusal | null {
  if (!NEEDS_REASON.includes(command.action) || command.payload.comment?.trim()) return null;
  const label = actionLabel(command.action);
  return refusal(command, 422, 'VALIDATION_FAILED', { zh: `“${label.zh}”须写明理由`, en: `"${label.en}" needs its reason` }, {
    fields: [{ field: 'comment', problems: [`comment is required with ${command.action}`] }],
  });
}

function stageConflict(command: TransitionCommand, kase: Case, openTasks: CaseTask[]): Refusal {
  const label = actionLabel(command.action);
  return refusal(command, 409, 'STAGE_CONFLICT', {
    zh: `办件当前处于“${kase.stageName}”阶段，不能执行“${label.zh}”`,
    en: `The case is at the stage "${kase.stageName}"; "${label.en}" is not possible now`,
  }, { ...stageOf(kase), availableActions: openTasks.flatMap((task) => task.actions) });
}
