import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { DECIDED_STAGES } from '../processes/engine/tongban-moddle.js';
import { assertCanRead, assertIsApplicant, filerRole } from './case-access.js';
import { stageOf } from './case-steps.js';
import { CaseTask } from './case-task.entity.js';
import { CaseTransitionService, lockCase } from './case-transition.service.js';
import type { Case } from './case.entity.js';
import { LegalClockService } from './legal-clock/legal-clock.service.js';
import { ServiceRun } from './service-runs/service-run.entity.js';

export const WITHDRAWN_STAGE = { id: 'withdrawn', name: '已撤回 Withdrawn' };

const cannotWithdraw = (kase: Case, zh: string, en: string, code = 'CANNOT_WITHDRAW') =>
  new AppError(409, code, { zh, en }, { stage: kase.stage, stageName: kase.stageName, status: kase.status });

/**
 * 撤回申请: the applicant takes a submitted application back before it is decided. The case closes where it
 * stands, its open tasks with it, and its legal clock stops; all in one transaction with its trail entry.
 */
@Injectable()
export class WithdrawalService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly legalClock: LegalClockService,
    private readonly transitions: CaseTransitionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async withdraw(actor: Actor, caseId: string, reason: string) {
    const { kase, effects } = await this.dataSource.transaction(async (tx) => {
      const kase = await assertCanRead(tx, actor, await lockCase(tx, caseId));
      assertIsApplicant(actor, kase);
      const openTasks = await this.assertWithdrawable(tx, kase);
      const now = this.clock.now();
      const from = { id: kase.stage, name: kase.stageName };
      await tx.update(CaseTask, { id: In(openTasks.map((task) => task.id)) }, { closedAt: now, closedBy: actor.id, closingAction: 'withdraw' });
      Object.assign(kase, { stage: WITHDRAWN_STAGE.id, stageName: WITHDRAWN_STAGE.name, status: 'closed', closedAt: now });
      await tx.save(kase);
      await this.audit.append(tx, {
        caseId, action: 'withdraw', actorId: actor.id, actorName: actor.displayName, actorRole: filerRole(actor, kase),
        stageFrom: from.id, stageTo: kase.stage, comment: reason, commandId: null,
        details: { stageFromName: from.name, stageToName: kase.stageName }, at: now,
      });
      const timers = await this.legalClock.withdrawn(tx, kase);
      const { version, caseNumber, stageName, status, applicantId, handlerPhone: phone } = kase;
      return { kase, effects: { serviceRuns: [], timers, stageChanges: [{ caseId, version, caseNumber, stageName, status, applicantId, phone }] } };
    });
    await this.transitions.dispatch(effects);
    return stageOf(kase);
  }

  /** Submitted, not yet decided, and not in the middle of a platform step; returns the open tasks to close. */
  private async assertWithdrawable(tx: EntityManager, kase: Case): Promise<CaseTask[]> {
    if (kase.status === 'closed') throw cannotWithdraw(kase, '办件已办结，不能撤回', 'The case is finished and cannot be withdrawn');
    if (!kase.submittedAt) throw cannotWithdraw(kase, '办件尚未提交：草稿可直接删除', 'The case has not been submitted: delete the draft instead');
    const openTasks = await tx.findBy(CaseTask, { caseId: kase.id, closedAt: IsNull() });
    if (openTasks.some((task) => task.stages.some((stage) => DECIDED_STAGES.includes(stage as never)))) {
      throw cannotWithdraw(kase, '办件已作出决定，不能撤回申请', 'The case has been decided; the application can no longer be withdrawn', 'ALREADY_DECIDED');
    }
    if (!openTasks.length || (await tx.existsBy(ServiceRun, { caseId: kase.id, status: In(['pending', 'failed']) }))) {
      throw cannotWithdraw(kase, '平台正在处理该办件，请稍后再撤回', 'The platform is carrying out a step of the case; withdraw a little later', 'PLATFORM_STEP_PENDING');
    }
    return openTasks;
  }
}
