import { Injectable } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service.js';
import { DataSource, EntityManager } from 'typeorm';
import { type CalendarDate, dateInShanghai } from '../../calendar/calendar-date.js';
import { CalendarService } from '../../calendar/calendar.service.js';
import type { WorkingDayCalendar } from '../../calendar/working-day-calendar.js';
import type { LimitUnit } from '../../catalog/matter.entity.js';
import { AppError } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import type { EngineStep } from '../../processes/engine/process-engine.js';
import { JOINT_EXTENSION_DAYS, JOINT_HANDLING_DAYS, type ProcessKind } from '../../processes/engine/tongban-moddle.js';
import type { CaseTask } from '../case-task.entity.js';
import type { Case } from '../case.entity.js';
import { todoStageOf } from '../todo-stages.js';
import type { SpecialProcedure } from '../transition.js';
import { SYSTEM_ACTOR } from '../trail-actor.js';
import { CaseClock } from './case-clock.entity.js';
import type { CaseTimer, TimerKind } from './case-timer.entity.js';
import { CaseTimerStore } from './case-timer-store.js';
import { alertOn, daysBetween, deadlinesOf, EXTENSION_DAYS, taskAlert, timersWanted } from './clock-arithmetic.js';
import { clockView } from './clock-view.js';
import { specialProcedureLabel } from './special-procedures.js';

/** What one step of a case did, as far as the legal clock cares. */
export interface ClockStep {
  /** The user task completed, with the action taken; none when a service task completed. */
  completed: Pick<CaseTask, 'stages'> | null;
  action: string;
  comment: string | null;
  specialProcedure?: SpecialProcedure;
  /** With a refusal: the authority the applicant should apply to instead, where the matter is not this organ's. */
  competentAuthority?: string;
  step: EngineStep;
  /** Accepted by law, not by a person: the acceptance counts from the day of receipt. */
  deemed?: boolean;
}

// Decisions against the applicant, from which the remedy periods shown to them run.
const REFUSALS = ['refuse', 'deny', 'revoke'];

const has = (task: Pick<CaseTask, 'stages'> | null, ...stages: string[]) => !!task && stages.some((stage) => task.stages.includes(stage));

/**
 * The legal clock of each case: what the law makes of each step (receipt, acceptance, a supplementation
 * notice, a special procedure, an extension, the end), the deadlines that follow, and the timers that act
 * on them. Every change runs in the transaction of the step that caused it. The process decides what may
 * happen; this reads the stages (tongban:stage) of the tasks it passes.
 */
/** Open clocks whose deadlines or acceptance window are still unknown; served by ix_case_clocks_unsettled. */
export const UNSETTLED_CLOCKS = `SELECT k.case_id FROM case_clocks k
  WHERE k.stopped_on IS NULL AND k.paused_since IS NULL
    AND ((k.accepted_on IS NOT NULL AND (k.legal_deadline IS NULL OR k.promised_deadline IS NULL))
      OR (k.accepted_on IS NULL AND k.received_on IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM case_timers t WHERE t.case_id = k.case_id AND t.kind = 'deemedAcceptance' AND t.state = 'pending')))`;

@Injectable()
export class LegalClockService {
  constructor(
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly timers: CaseTimerStore,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  /** A new case's clock, not running until its application is received; it names the matter's department for the supervisors' board. */
  async open(tx: EntityManager, kase: Case, limits: { legal: number; promised: number; unit: LimitUnit; warning: number; departmentId: string }, kind: ProcessKind): Promise<void> {
    await tx.insert(CaseClock, {
      caseId: kase.id,
      matterId: kase.matterId,
      departmentId: limits.departmentId,
      todoStage: null,
      urgeCount: 0,
      lastUrgedAt: null,
      // Joint handling (并联审批, Art. 26) has its own limit and extension (Art. 42 ¶2).
      legalLimitDays: kind === 'parallel' ? JOINT_HANDLING_DAYS : limits.legal,
      extensionAllowanceDays: kind === 'parallel' ? JOINT_EXTENSION_DAYS : EXTENSION_DAYS,
      refusedOn: null,
      // An instant case (即办件) must finish the day it is accepted.
      promisedLimitDays: kind === 'instant' ? 0 : limits.promised,
      warningDays: limits.warning,
      // The joint-handling limit of Art. 42 ¶2 is in working days, whatever the matter's own unit.
      limitUnit: kind === 'parallel' ? 'working_days' : limits.unit,
      receivedOn: null, acceptedOn: null, deemedAccepted: false,
      pausedSince: null, pauseKind: null, pauseExpectedDays: null, pauseOverrun: false, pausedDays: 0,
      extensionDays: 0, legalDeadline: null, promisedDeadline: null, stoppedOn: null, alert: 'none', updatedAt: this.clock.now(),
    });
  }

  /** Each task's own alert by its deadline, on the product's today (for case pages and to-do lists). */
  async taskAlerts<T extends { deadline: CalendarDate | null }>(tasks: T[]): Promise<(T & { alert: ReturnType<typeof taskAlert> })[]> {
    const calendar = await this.calendar.current();
    const today = dateInShanghai(this.clock.now());
    return tasks.map((task) => ({ ...task, alert: taskAlert(calendar, task.deadline, today) }));
  }

  /** The case's clock as its page shows it, on the product's today. */
  async view(caseId: string, manager: EntityManager) {
    const clock = await manager.findOneBy(CaseClock, { caseId });
    return clock && clockView(clock, dateInShanghai(this.clock.now()), await this.calendar.current(manager));
  }

  /**
   * What the law refuses before a step is taken: a special procedure without the length the applicant must
   * be told, a second extension (Art. 42 allows one), or one approved after the legal deadline (§1.7(5)).
   */
  async refusal(tx: EntityManager, caseId: string, task: Pick<CaseTask, 'stages'>, action: string, payload: { specialProcedure?: SpecialProcedure }): Promise<AppError | null> {
    if (action === 'startSpecialProcedure' && !payload.specialProcedure) {
      return new AppError(422, 'SPECIAL_PROCEDURE_REQUIRED', {
        zh: '启动特别程序须写明程序种类和预计所需工作日，以书面告知申请人',
        en: 'Starting a special procedure needs its kind and expected working days, which the applicant is told in writing',
      }, { fields: [{ field: 'specialProcedure', problems: ['specialProcedure { kind, expectedWorkingDays } is required for startSpecialProcedure'] }] });
    }
    if (!has(task, 'extension') || action !== 'approveExtension') return null;
    const clock = await tx.findOneByOrFail(CaseClock, { caseId });
    if (clock.extensionDays > 0) {
      return new AppError(409, 'EXTENSION_ALREADY_GRANTED', {
        zh: `该办件已延长过一次审批期限（${clock.extensionDays} 个工作日），依法不得再次延长`,
        en: `This case was already extended once (${clock.extensionDays} working days); the law allows one extension`,
      }, { extensionDays: clock.extensionDays });
    }
    const today = dateInShanghai(this.clock.now());
    if (clock.legalDeadline && today > clock.legalDeadline) {
      return new AppError(409, 'EXTENSION_TOO_LATE', {
        zh: `延期须在法定期限（${clock.legalDeadline}）届满前批准`,
        en: `An extension must be approved on or before the legal deadline (${clock.legalDeadline})`,
      }, { legalDeadline: clock.legalDeadline });
    }
    return null;
  }

  /** Applies one step to the clock; returns the timers it added, to be dispatched after the commit. */
  async afterStep(tx: EntityManager, kase: Case, event: ClockStep): Promise<CaseTimer[]> {
    const clock = await tx.findOneByOrFail(CaseClock, { caseId: kase.id });
    const calendar = await this.calendar.current(tx);
    const today = dateInShanghai(this.clock.now());
    this.receiveOrDecide(clock, event, today);
    await this.pauseOrResume(tx, kase, clock, event, today, calendar);
    if (has(event.completed, 'extension') && event.action === 'approveExtension') {
      const days = clock.extensionAllowanceDays;
      clock.extensionDays += days;
      await this.tell(tx, kase, `审批期限延长 ${days} 个工作日 Decision period extended by ${days} working days`, event.comment);
    }
    if (REFUSALS.includes(event.action) && event.completed) clock.refusedOn = today;
    if (event.step.ended && !event.step.waiting.length && !event.step.pendingServices.length) clock.stoppedOn = today;
    const [next] = event.step.waiting;
    clock.todoStage = next ? todoStageOf(next.stages, kase.submissionRound) : null;
    return this.settle(tx, clock, today, calendar);
  }

  /** The applicant withdrew the application: the clock stops for good, its timers with it. */
  async withdrawn(tx: EntityManager, kase: Case): Promise<CaseTimer[]> {
    const clock = await tx.findOneByOrFail(CaseClock, { caseId: kase.id });
    clock.stoppedOn = dateInShanghai(this.clock.now());
    return this.settle(tx, clock, clock.stoppedOn, await this.calendar.current(tx));
  }

  /** Whether the case ended in a refusal (不予受理, 不予许可, 撤销). */
  async wasRefused(manager: EntityManager, caseId: string): Promise<boolean> {
    return (await manager.findOneBy(CaseClock, { caseId }))?.refusedOn != null;
  }

  /**
   * A timer of the case fell due: the alert moves (green → yellow → red), or the special procedure under way
   * is flagged as running past its declared length. Each change is on the case's audit trail.
   */
  async onTimer(tx: EntityManager, kase: Case, kind: TimerKind): Promise<CaseTimer[]> {
    const clock = await tx.findOneByOrFail(CaseClock, { caseId: kase.id });
    const before = clock.alert;
    if (kind === 'pauseOverrun') clock.pauseOverrun = true;
    const timers = await this.settle(tx, clock, dateInShanghai(this.clock.now()), await this.calendar.current(tx));
    if (kind === 'pauseOverrun') await this.trail(tx, kase, 'clock.pauseOverrun', { kind: clock.pauseKind, expectedWorkingDays: clock.pauseExpectedDays, since: clock.pausedSince });
    if (clock.alert !== before) await this.trail(tx, kase, 'clock.alert', { from: before, to: clock.alert, promisedDeadline: clock.promisedDeadline });
    return timers;
  }

  /** Accepted by law where no task may be completed for it (it would decide the case): the clock alone records it. */
  async deemAcceptedWithoutStep(tx: EntityManager, kase: Case, comment: string): Promise<CaseTimer[]> {
    const clock = await tx.findOneByOrFail(CaseClock, { caseId: kase.id });
    Object.assign(clock, { acceptedOn: clock.receivedOn, deemedAccepted: true });
    const timers = await this.settle(tx, clock, dateInShanghai(this.clock.now()), await this.calendar.current(tx));
    await this.audit.append(tx, {
      caseId: kase.id, action: 'clock.deemedAcceptance', actorId: null, actorName: SYSTEM_ACTOR.displayName, actorRole: SYSTEM_ACTOR.role,
      stageFrom: kase.stage, stageTo: kase.stage, comment, commandId: null,
      details: { acceptedOn: clock.acceptedOn, stageFromName: kase.stageName, stageToName: kase.stageName }, at: this.clock.now(),
    });
    return timers;
  }

  /**
   * Open clocks whose deadlines or acceptance window the calendar could not give (a year not loaded yet):
   * computed again, so that they are set as soon as an administrator loads the year.
   */
  async settleUnknown(): Promise<CaseTimer[]> {
    const waiting: { case_id: string }[] = await this.dataSource.query(UNSETTLED_CLOCKS);
    const added: CaseTimer[] = [];
    for (const { case_id: caseId } of waiting) {
      await this.dataSource.transaction(async (tx) => {
        const clock = await tx.findOneOrFail(CaseClock, { where: { caseId }, lock: { mode: 'pessimistic_write' } });
        added.push(...(await this.settle(tx, clock, dateInShanghai(this.clock.now()), await this.calendar.current(tx))));
      });
    }
    return added;
  }

  /** Recomputes the deadlines and the alert for `today`, saves, and brings the timers in line. */
  async settle(tx: EntityManager, clock: CaseClock, today: CalendarDate, calendar: WorkingDayCalendar): Promise<CaseTimer[]> {
    Object.assign(clock, deadlinesOf(clock, calendar));
    clock.alert = alertOn(clock, today, calendar);
    clock.updatedAt = this.clock.now();
    await tx.save(CaseClock, clock);
    return this.timers.reconcile(tx, clock.caseId, timersWanted(clock, calendar));
  }

  private receiveOrDecide(clock: CaseClock, { completed, action, deemed }: ClockStep, today: CalendarDate): void {
    if (has(completed, 'application', 'supplementation')) clock.receivedOn = today;
    if (!has(completed, 'acceptance', 'preAcceptance')) return;
    // Refused, or a supplementation notice given: no acceptance is pending until supplements are received.
    if (action === 'refuse' || action === 'requestSupplement') clock.receivedOn = null;
    else if (has(completed, 'acceptance') && !clock.acceptedOn) {
      clock.acceptedOn = deemed ? clock.receivedOn : today;
      clock.deemedAccepted = !!deemed;
    }
  }

  private async pauseOrResume(tx: EntityManager, kase: Case, clock: CaseClock, event: ClockStep, today: CalendarDate, calendar: WorkingDayCalendar) {
    if (has(event.completed, 'specialProcedure') && clock.pausedSince) {
      // The deadlines move by the working days the procedure took: those in (start, end].
      clock.pausedDays += daysBetween(clock.limitUnit, calendar, clock.pausedSince, today);
      Object.assign(clock, { pausedSince: null, pauseKind: null, pauseExpectedDays: null, pauseOverrun: false });
    }
    const entering = event.step.waiting.some((task) => task.stages.includes('specialProcedure'));
    if (entering && !clock.pausedSince && event.specialProcedure) {
      const { kind, expectedWorkingDays } = event.specialProcedure;
      Object.assign(clock, { pausedSince: today, pauseKind: kind, pauseExpectedDays: expectedWorkingDays, pauseOverrun: false });
      const label = specialProcedureLabel(kind);
      await this.tell(tx, kase, `特别程序告知：${label.zh}，预计 ${expectedWorkingDays} 个工作日 Special procedure: ${label.en}, expected to take ${expectedWorkingDays} working days`, event.comment);
    }
  }

  private trail(tx: EntityManager, kase: Case, action: string, details: object): Promise<void> {
    return this.audit.append(tx, {
      caseId: kase.id, action, actorId: null, actorName: SYSTEM_ACTOR.displayName, actorRole: SYSTEM_ACTOR.role,
      stageFrom: kase.stage, stageTo: kase.stage, comment: null, commandId: null,
      details: { ...details, stageFromName: kase.stageName, stageToName: kase.stageName }, at: this.clock.now(),
    });
  }

  /** A written notice to the applicant, committed with the change it tells of. */
  private tell(tx: EntityManager, kase: Case, title: string, reason: string | null): Promise<void> {
    const body = `${kase.caseNumber} ${title}。${reason ? `理由 Reason：${reason}` : ''}`;
    return this.notifications.send({ userId: kase.applicantId, caseId: kase.id, dedupeKey: null, title, body }, tx);
  }
}
