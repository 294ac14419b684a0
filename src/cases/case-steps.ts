import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EngineStep } from '../processes/engine/process-engine.js';
import { dateInShanghai } from '../calendar/calendar-date.js';
import { CalendarService } from '../calendar/calendar.service.js';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar.js';
import { ProcessInstanceService } from '../processes/process-instance.service.js';
import { taskDeadline } from './legal-clock/clock-arithmetic.js';
import { CaseTask } from './case-task.entity.js';
import { Case } from './case.entity.js';
import { ServiceRun } from './service-runs/service-run.entity.js';

/**
 * Writes what one engine step did to a case, inside the caller's transaction: where the case now stands, the
 * engine state, the open user tasks and the service runs to carry out. Returns the ids of the runs it opened,
 * to be handed to the workers once the transaction has committed.
 */
@Injectable()
export class CaseStepRecorder {
  constructor(
    private readonly instances: ProcessInstanceService,
    private readonly calendar: CalendarService,
  ) {}

  async record(tx: EntityManager, kase: Case, step: EngineStep, now: Date): Promise<string[]> {
    applyStep(kase, step, now);
    await tx.save(kase);
    await this.instances.save(tx, kase.id, kase.processDefinitionId, step);
    await syncTasks(tx, kase.id, step, now, await this.calendar.current(tx));
    return openServiceRuns(tx, kase.id, step, now);
  }
}

/**
 * Mirrors the engine's waiting user tasks into case_tasks: a task still waiting stays open as it is, one
 * the engine no longer waits on is closed, a new one is opened.
 */
async function syncTasks(tx: EntityManager, caseId: string, step: EngineStep, now: Date, calendar: WorkingDayCalendar): Promise<void> {
  const waitingIds = step.waiting.map((task) => task.elementId);
  await tx.query(`UPDATE case_tasks SET closed_at = $1 WHERE case_id = $2 AND closed_at IS NULL AND NOT (element_id = ANY($3))`, [now, caseId, waitingIds]);
  const openedOn = dateInShanghai(now);
  for (const { elementId, name, role, actions, stages, department, limitDays } of step.waiting) {
    const deadline = taskDeadline(calendar, openedOn, limitDays);
    const task = { caseId, elementId, name, role, actions, stages, department, deadline, openedAt: now };
    await tx.createQueryBuilder().insert().into(CaseTask).values(task).orIgnore().execute();
  }
}

/** A service task the engine now waits on gets a pending run, unless it already has one that is not done. */
async function openServiceRuns(tx: EntityManager, caseId: string, step: EngineStep, now: Date): Promise<string[]> {
  const opened: string[] = [];
  for (const { elementId, name, handler } of step.pendingServices) {
    const result = await tx
      .createQueryBuilder()
      .insert()
      .into(ServiceRun)
      .values({ caseId, elementId, name, handler, status: 'pending', attempts: 0, retries: 0, lastError: null, createdAt: now, finishedAt: null })
      .orIgnore()
      .returning(['id'])
      .execute();
    opened.push(...result.raw.map((row: { id: string }) => row.id));
  }
  return opened;
}

/** Where the case stands after a step: at the tasks and services it waits on, or at the end event it reached. */
function applyStep(kase: Case, step: EngineStep, now: Date): void {
  const stops = [...step.waiting, ...step.pendingServices];
  if (step.ended && !stops.length) {
    kase.stage = step.ended.elementId;
    kase.stageName = step.ended.name;
    kase.status = 'closed';
    kase.closedAt = now;
    return;
  }
  kase.stage = stops.map((stop) => stop.elementId).join('+');
  kase.stageName = stops.map((stop) => stop.name).join(' + ');
}

export const stageOf = (kase: Case) => ({
  id: kase.id,
  caseNumber: kase.caseNumber,
  stage: kase.stage,
  stageName: kase.stageName,
  status: kase.status,
  version: kase.version,
});
