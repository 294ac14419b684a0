import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { assertCanRead, CASE } from '../cases/case-access.js';
import { CaseTask } from '../cases/case-task.entity.js';
import { lockCase } from '../cases/case-transition.service.js';
import { Case } from '../cases/case.entity.js';
import { type Actor, assertRole, SUPERVISORS } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { type Notice, NoticeSender } from '../notifications/notice-sender.js';
import { CaseUrge } from './case-urge.entity.js';
import type { UrgeCaseDto } from './urge.dto.js';

interface UrgeView {
  id: string;
  caseId: string;
  note: string;
  urgedBy: { id: string; name: string };
  urgedAt: Date;
}

const caseClosed = (kase: Case) =>
  new AppError(409, 'CASE_CLOSED', { zh: `办件已办结（${kase.stageName}），无需督办`, en: `The case has ended (${kase.stageName}): there is nothing to urge` }, {
    stage: kase.stage, stageName: kase.stageName,
  });

const commandReused = (commandId: string) =>
  new AppError(409, 'COMMAND_ID_REUSED', { zh: '该命令编号已用于另一办件的督办', en: 'This command id was used to urge another case' }, {
    fields: [{ field: 'commandId', problems: [`commandId ${commandId} was already used for another case`] }],
  });

/**
 * Urging (督办): a supervisor's note on an open case, in one transaction with its line on the case's timeline
 * (`case.urged`) and the count the board filters on; once committed, those who hold the case's open tasks and
 * the head of its department are told. A task nobody has claimed has no holder: the head alone hears of it.
 */
@Injectable()
export class UrgesService {
  private readonly logger = new Logger(UrgesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly notices: NoticeSender,
    private readonly clock: Clock,
  ) {}

  async urge(actor: Actor, caseId: string, { note, commandId }: UrgeCaseDto): Promise<UrgeView> {
    assertRole(actor, ['supervisor'], SUPERVISORS);
    const { urge, notices } = await this.dataSource.transaction(async (tx) => {
      const kase = await lockCase(tx, caseId);
      if (!kase) throw notFound(CASE, 'CASE_NOT_FOUND');
      const repeated = commandId ? await tx.findOneBy(CaseUrge, { commandId }) : null;
      if (repeated?.caseId === caseId) return { urge: repeated, notices: [] };
      if (repeated) throw commandReused(commandId!);
      if (kase.status === 'closed') throw caseClosed(kase);
      const urge = await this.record(tx, actor, kase, note, commandId ?? null);
      return { urge, notices: await this.noticesOf(tx, actor, kase, urge) };
    });
    for (const notice of notices) {
      // Not awaited: the request never waits on the queue (a Redis that is down would hold it until it is back).
      this.notices.dispatch(notice).catch((error: Error) => this.logger.warn(`urge ${urge.id} was not queued for ${notice.userId}: ${error.message}`));
    }
    return this.present(urge, actor.id === urge.urgedBy ? actor.displayName : await this.nameOf(urge.urgedBy));
  }

  /** The case's urges, newest first, for whoever may see the case. */
  async list(actor: Actor, caseId: string): Promise<UrgeView[]> {
    await assertCanRead(this.dataSource.manager, actor, await this.dataSource.manager.findOneBy(Case, { id: caseId }));
    const rows: (CaseUrge & { urgedByName: string })[] = await this.dataSource.query(
      `SELECT g.id, g.case_id AS "caseId", g.note, g.urged_by AS "urgedBy", u.display_name AS "urgedByName", g.urged_at AS "urgedAt"
         FROM case_urges g JOIN users u ON u.id = g.urged_by WHERE g.case_id = $1 ORDER BY g.urged_at DESC, g.id`,
      [caseId],
    );
    return rows.map((row) => this.present(row, row.urgedByName));
  }

  private async record(tx: EntityManager, actor: Actor, kase: Case, note: string, commandId: string | null): Promise<CaseUrge> {
    const now = this.clock.now();
    const open = await tx.findBy(CaseTask, { caseId: kase.id, closedAt: IsNull() });
    const urge = await tx.save(tx.create(CaseUrge, {
      caseId: kase.id, note, urgedBy: actor.id, urgedAt: now, commandId, stageAtUrge: kase.stage, tasksAtUrge: open.map((task) => task.id),
    }));
    await tx.query(`UPDATE case_clocks SET urge_count = urge_count + 1, last_urged_at = $2 WHERE case_id = $1`, [kase.id, now]);
    await this.audit.append(tx, {
      caseId: kase.id, action: 'case.urged', actorId: actor.id, actorName: actor.displayName, actorRole: 'supervisor',
      stageFrom: kase.stage, stageTo: kase.stage, comment: note, commandId,
      details: { urgeId: urge.id, stageFromName: kase.stageName, stageToName: kase.stageName }, at: now,
    });
    return urge;
  }

  /** One notice to each holder of an open task and to the head of the case's department, each once. */
  private async noticesOf(tx: EntityManager, actor: Actor, kase: Case, urge: CaseUrge): Promise<Notice[]> {
    const recipients: { id: string; mobile: string | null }[] = await tx.query(
      `SELECT u.id, u.mobile FROM users u
        WHERE u.disabled_at IS NULL AND (
              u.id IN (SELECT t.assignee_id FROM case_tasks t WHERE t.case_id = $1 AND t.closed_at IS NULL AND t.assignee_id IS NOT NULL)
           OR u.id = (SELECT d.head_id FROM matters m JOIN departments d ON d.id = m.department_id WHERE m.id = $2))`,
      [kase.id, kase.matterId],
    );
    return recipients.map(({ id, mobile }) => ({
      userId: id,
      phone: mobile,
      caseId: kase.id,
      dedupeKey: `case-urge:${urge.id}:${id}`,
      title: `督办 Urged：${kase.caseNumber}`,
      body: `${actor.displayName} 督办办件 ${kase.caseNumber}（${kase.stageName}）urged this case：\n${urge.note}`,
    }));
  }

  private async nameOf(userId: string): Promise<string> {
    const [user] = await this.dataSource.query(`SELECT display_name AS name FROM users WHERE id = $1`, [userId]);
    return user?.name ?? '';
  }

  private present({ id, caseId, note, urgedBy, urgedAt }: Pick<CaseUrge, 'id' | 'caseId' | 'note' | 'urgedBy' | 'urgedAt'>, name: string): UrgeView {
    return { id, caseId, note, urgedBy: { id: urgedBy, name }, urgedAt };
  }
}
