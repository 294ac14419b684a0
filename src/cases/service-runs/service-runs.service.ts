import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { type Actor, assertRole, SUPERVISORS } from '../../common/actor.js';
import { AppError, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { type JobAttempt } from '../../infrastructure/queue/job-queue.js';
import { CaseTransitionService } from '../case-transition.service.js';
import { SYSTEM_ACTOR, type TrailActor } from '../trail-actor.js';
import { Case } from '../case.entity.js';
import { ServiceHandlers } from './service-handlers.js';
import { ServiceRunDispatcher } from './service-run-dispatcher.js';
import { ServiceRun } from './service-run.entity.js';

const INCIDENT = { zh: '异常', en: 'Incident' };

/**
 * Carries out service runs: the handler, then the transition that completes the service task. A handler that
 * fails is tried again with backoff; after its last attempt the run becomes an incident on the case, which a
 * supervisor sees and may retry. The case never silently stops.
 */
@Injectable()
export class ServiceRunsService {
  private readonly logger = new Logger(ServiceRunsService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ServiceRun) private readonly runs: Repository<ServiceRun>,
    private readonly handlers: ServiceHandlers,
    private readonly transitions: CaseTransitionService,
    private readonly dispatcher: ServiceRunDispatcher,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async carryOut(runId: string, { attempt, attempts }: JobAttempt): Promise<void> {
    const run = await this.runs.findOneBy({ id: runId });
    if (run?.status !== 'pending') return;
    await this.runs.update({ id: runId }, { attempts: attempt });
    let output: object;
    try {
      output = await this.handlers.run(run, await this.dataSource.getRepository(Case).findOneByOrFail({ id: run.caseId }));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.update({ id: runId }, { lastError: message });
      if (attempt >= attempts) await this.raiseIncident(run, message);
      throw error;
    }
    await this.transitions.completeService(runId, output);
  }

  /** Open incidents, oldest first, for supervisors. */
  async incidents(actor: Actor) {
    assertRole(actor, ['supervisor', 'administrator'], SUPERVISORS);
    return this.dataSource.query(
      `SELECT r.id, r.case_id AS "caseId", c.case_number AS "caseNumber", c.matter_id AS "matterId", m.name AS "matterName",
              d.code AS "departmentCode", d.name AS "departmentName", c.stage_name AS "stageName", r.element_id AS "elementId",
              r.name, r.handler, r.attempts, r.retries, r.last_error AS "lastError", r.finished_at AS "failedAt"
         FROM service_runs r JOIN cases c ON c.id = r.case_id JOIN matters m ON m.id = c.matter_id JOIN departments d ON d.id = m.department_id
        WHERE r.status = 'failed' ORDER BY r.finished_at, r.id`,
    );
  }

  /** Puts a failed run back in the queue, with its attempts counted afresh. */
  async retry(actor: Actor, runId: string) {
    assertRole(actor, ['supervisor'], SUPERVISORS);
    const run = await this.dataSource.transaction(async (tx) => {
      const failed = await tx.getRepository(ServiceRun).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :runId', { runId }).getOne();
      if (!failed) throw notFound(INCIDENT, 'INCIDENT_NOT_FOUND');
      if (failed.status !== 'failed') {
        throw new AppError(409, 'INCIDENT_NOT_OPEN', { zh: '该自动处理未处于失败状态，无需重试', en: 'This automatic step has not failed; there is nothing to retry' }, { status: failed.status });
      }
      const retried = { ...failed, status: 'pending' as const, attempts: 0, retries: failed.retries + 1, finishedAt: null };
      await tx.save(ServiceRun, retried);
      await this.appendToTrail(tx, failed, 'service.retry', { id: actor.id, displayName: actor.displayName, role: 'supervisor' }, null);
      return retried;
    });
    await this.dispatcher.dispatch([run]);
    return { id: run.id, status: run.status, retries: run.retries };
  }

  private async raiseIncident(run: ServiceRun, message: string): Promise<void> {
    this.logger.error(`service task ${run.elementId} of case ${run.caseId} failed for good: ${message}`);
    await this.dataSource.transaction(async (tx) => {
      const { affected } = await tx.update(ServiceRun, { id: run.id, status: 'pending' }, { status: 'failed', finishedAt: this.clock.now() });
      if (affected) await this.appendToTrail(tx, run, 'service.failed', SYSTEM_ACTOR, message);
    });
  }

  private appendToTrail(tx: EntityManager, run: ServiceRun, action: string, actor: TrailActor, comment: string | null) {
    return this.audit.append(tx, {
      caseId: run.caseId, action, actorId: actor.id, actorName: actor.displayName, actorRole: actor.role,
      stageFrom: run.elementId, stageTo: run.elementId, comment, commandId: null,
      details: { serviceRunId: run.id, handler: run.handler, stageFromName: run.name, stageToName: run.name }, at: this.clock.now(),
    });
  }
}
