import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { dateInShanghai } from '../calendar/calendar-date.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { unlessYearMissing } from '../calendar/working-day-calendar.js';
import { assertCanRead, isApplicant, seesEveryDepartment } from '../cases/case-access.js';
import type { FilingChannel } from '../cases/case.entity.js';
import { type Actor, assertRole, isStaff } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CaseRating } from './case-rating.entity.js';

/** Working days a department has to follow up a poor rating (a platform rule: not uniform nationally). */
export const FOLLOW_UP_WORKING_DAYS = 15;
const POOR = 4;
const LEVELS = ['', '非常满意 Very satisfied', '满意 Satisfied', '基本满意 Fairly satisfied', '不满意 Dissatisfied', '非常不满意 Very dissatisfied'];

const RATING = { zh: '评价', en: 'Rating' };

interface RatedCase {
  id: string;
  matterId: string;
  caseNumber: string;
  applicantId: string | null;
  organisationId: string | null;
  channel: FilingChannel;
  filingDepartment: string | null;
  status: string;
  departmentId: string;
  departmentCode: string;
}

/**
 * 好差评: the applicant rates a finished case once; a poor rating needs its reason and opens a
 * rectification ticket for the department that handled the case, closed with a follow-up record that is
 * sent to the rater. Each step is on the case's audit trail, in the same transaction.
 */
@Injectable()
export class RatingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async rate(actor: Actor, caseId: string, level: number, reason: string | null) {
    if (level >= POOR && !reason) {
      throw new AppError(400, 'VALIDATION_FAILED', { zh: '不满意的评价须写明理由', en: 'A dissatisfied rating needs its reason' }, {
        fields: [{ field: 'reason', problems: ['reason is required for levels 4 and 5'] }],
      });
    }
    return this.dataSource.transaction(async (tx) => {
      const kase = await this.caseOf(tx, caseId);
      // The applicant rates the service, never the clerk who filed for them.
      if (!kase || !isApplicant(actor, kase)) throw notFound({ zh: '办件', en: 'Case' }, 'CASE_NOT_FOUND');
      if (kase.status !== 'closed') {
        throw new AppError(409, 'CASE_NOT_FINISHED', { zh: '办件办结后才能评价', en: 'A case can be rated once it is finished' });
      }
      if (await tx.existsBy(CaseRating, { caseId })) {
        throw new AppError(409, 'RATING_EXISTS', { zh: '该办件已评价，一事一评', en: 'This case has already been rated: one rating per case' });
      }
      const now = this.clock.now();
      const poor = level >= POOR;
      const calendar = await this.calendar.current(tx);
      // Unknown, not guessed, while next year's schedule is not loaded.
      const due = poor ? unlessYearMissing(() => calendar.addWorkingDays(dateInShanghai(now), FOLLOW_UP_WORKING_DAYS)) : null;
      const rating = tx.create(CaseRating, {
        caseId, raterId: actor.id, level, reason, createdAt: now, departmentId: kase.departmentId,
        followUpStatus: poor ? 'open' : 'none', followUpDue: due, followUpRecord: null, followedUpBy: null, followedUpAt: null,
      });
      await tx.save(rating);
      await this.trail(tx, kase.id, 'rating.submitted', actor, 'applicant', reason, { level, levelName: LEVELS[level], followUpDue: due });
      return present(rating);
    });
  }

  async ofCase(actor: Actor, caseId: string) {
    await assertCanRead(this.dataSource.manager, actor, await this.caseOf(this.dataSource.manager, caseId));
    const rating = await this.dataSource.manager.findOneBy(CaseRating, { caseId });
    if (!rating) throw notFound(RATING, 'RATING_NOT_FOUND');
    return present(rating);
  }

  /** The open rectification tickets of the departments the actor serves, soonest due first; supervisors see every department's. */
  async openFollowUps(actor: Actor) {
    assertRole(actor, ['window_staff', 'reviewer', 'decider', 'supervisor'], { zh: '工作人员', en: 'staff' });
    const everyDepartment = seesEveryDepartment(actor);
    return this.dataSource.query(
      `SELECT r.id, r.case_id AS "caseId", c.case_number AS "caseNumber", d.code AS "departmentCode", r.level, r.reason,
              r.created_at AS "ratedAt", to_char(r.follow_up_due, 'YYYY-MM-DD') AS "followUpDue"
         FROM case_ratings r JOIN cases c ON c.id = r.case_id JOIN departments d ON d.id = r.department_id
        WHERE r.follow_up_status = 'open' AND ($1 OR d.code = ANY($2))
        ORDER BY r.follow_up_due, r.id`,
      [everyDepartment, actor.departmentCodes],
    );
  }

  /** Closes a ticket with its follow-up record, which the rater is sent. */
  async closeFollowUp(actor: Actor, ratingId: string, record: string) {
    return this.dataSource.transaction(async (tx) => {
      const rating = await tx.findOne(CaseRating, { where: { id: ratingId }, lock: { mode: 'pessimistic_write' } });
      const kase = rating && (await this.caseOf(tx, rating.caseId));
      if (!rating || !kase || rating.followUpStatus === 'none') throw notFound({ zh: '整改工单', en: 'Follow-up ticket' }, 'FOLLOW_UP_NOT_FOUND');
      if (!isStaff(actor) || !actor.departmentCodes.includes(kase.departmentCode)) {
        throw new AppError(403, 'DEPARTMENT_NOT_ALLOWED', { zh: `整改工单由部门 ${kase.departmentCode} 处理`, en: `The ticket is for the department ${kase.departmentCode}` });
      }
      if (rating.followUpStatus === 'closed') {
        throw new AppError(409, 'FOLLOW_UP_CLOSED', { zh: '该整改工单已办结', en: 'This follow-up ticket is already closed' });
      }
      Object.assign(rating, { followUpStatus: 'closed', followUpRecord: record, followedUpBy: actor.id, followedUpAt: this.clock.now() });
      await tx.save(rating);
      await this.trail(tx, kase.id, 'rating.followedUp', actor, 'staff', record, { ratingId });
      const title = `${kase.caseNumber}：差评整改反馈 Follow-up of your rating`;
      await this.notifications.send({ userId: rating.raterId, caseId: kase.id, dedupeKey: null, title, body: record }, tx);
      return present(rating);
    });
  }

  private async caseOf(manager: EntityManager, caseId: string): Promise<RatedCase | null> {
    const [kase] = await manager.query(
      `SELECT c.id, c.matter_id AS "matterId", c.case_number AS "caseNumber", c.applicant_id AS "applicantId", c.organisation_id AS "organisationId", c.channel, c.filing_department AS "filingDepartment", c.status, m.department_id AS "departmentId", d.code AS "departmentCode"
         FROM cases c JOIN matters m ON m.id = c.matter_id JOIN departments d ON d.id = m.department_id WHERE c.id = $1`,
      [caseId],
    );
    return kase ?? null;
  }

  private trail(tx: EntityManager, caseId: string, action: string, actor: Actor, role: string, comment: string | null, details: object) {
    return this.audit.append(tx, {
      caseId, action, actorId: actor.id, actorName: actor.displayName, actorRole: role,
      stageFrom: null, stageTo: null, comment, commandId: null, details, at: this.clock.now(),
    });
  }
}

function present(rating: CaseRating) {
  const { id, caseId, level, reason, createdAt, followUpStatus, followUpDue, followUpRecord, followedUpAt } = rating;
  return { id, caseId, level, levelName: LEVELS[level], reason, createdAt, followUp: { status: followUpStatus, due: followUpDue, record: followUpRecord, at: followedUpAt } };
}
