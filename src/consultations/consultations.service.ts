import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { dateInShanghai } from '../calendar/calendar-date.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { unlessYearMissing } from '../calendar/working-day-calendar.js';
import { assertFiler } from '../cases/case-access.js';
import { Case } from '../cases/case.entity.js';
import { Department } from '../catalog/department.entity.js';
import { Matter } from '../catalog/matter.entity.js';
import { type Actor, assertRole } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ROLES, User } from '../identity/user.entity.js';
import { type Notice, NoticeSender } from '../notifications/notice-sender.js';
import { assertCanAnswer, assertCanRead, consultationNotFound } from './consultation-access.js';
import { Consultation, type ConsultationKind } from './consultation.entity.js';
import { consultationRows, type ConsultationRow, filtered, isOverdue, KIND_NAMES, present } from './consultation-views.js';
import type { ConsultationListQuery, WriteConsultationDto } from './consultations.dto.js';

const STAFF_ROLES = ROLES.filter((role) => role !== 'applicant');

/**
 * 我要问: applicants write consultations and complaints to a department, whose staff answer each once within
 * its reply period (working days). Each creation and answer is audited in its own transaction; the answer
 * reaches the applicant through the notifications' worker.
 */
@Injectable()
export class ConsultationsService {
  private readonly logger = new Logger(ConsultationsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly notices: NoticeSender,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async write(actor: Actor, dto: WriteConsultationDto) {
    assertRole(actor, ['applicant'], { zh: '申请人', en: 'applicants' });
    const id = await this.dataSource.transaction(async (tx) => {
      const department = await tx.findOneBy(Department, { code: dto.departmentCode });
      if (!department) throw notFound({ zh: '部门', en: 'Department' }, 'DEPARTMENT_NOT_FOUND');
      if (dto.matterId && !(await tx.existsBy(Matter, { id: dto.matterId }))) throw notFound({ zh: '事项', en: 'Matter' }, 'MATTER_NOT_FOUND');
      if (dto.caseId) await this.assertOwnSubmittedCase(tx, actor, dto.caseId);
      const now = this.clock.now();
      const consultation = tx.create(Consultation, {
        kind: dto.kind, authorId: actor.id, departmentId: department.id, matterId: dto.matterId ?? null, caseId: dto.caseId ?? null,
        subject: dto.subject, body: dto.body, createdAt: now, dueDate: await this.dueDate(tx, dto.kind, now),
        answer: null, answeredBy: null, answeredAt: null,
      });
      await tx.save(consultation);
      await this.trail(tx, 'consultation.created', actor, 'applicant', dto.subject, {
        consultationId: consultation.id, kind: dto.kind, departmentCode: department.code, matterId: consultation.matterId, caseId: consultation.caseId, dueDate: consultation.dueDate,
      });
      return consultation.id;
    });
    return this.read(actor, id);
  }

  /** The applicant's own messages, newest first. */
  listMine(actor: Actor, query: ConsultationListQuery) {
    const rows = consultationRows(this.dataSource.manager).where('q.authorId = :author', { author: actor.id });
    return this.page(filtered(rows, query).orderBy('q.createdAt', 'DESC').addOrderBy('q.id'), query);
  }

  /**
   * The messages addressed to the actor's department, and for supervisors every complaint: open ones first,
   * oldest first (answered in turn); then the answered ones, latest answer first.
   */
  listReceived(actor: Actor, query: ConsultationListQuery) {
    assertRole(actor, STAFF_ROLES, { zh: '工作人员', en: 'staff' });
    const rows = consultationRows(this.dataSource.manager).where(`(d.code = ANY(:departments) OR (:supervisor AND q.kind = 'complaint'))`, {
      departments: actor.departmentCodes,
      supervisor: actor.roles.includes('supervisor'),
    });
    const ordered = filtered(rows, query).orderBy('q.answeredAt IS NULL', 'DESC').addOrderBy('q.answeredAt', 'DESC').addOrderBy('q.createdAt').addOrderBy('q.id');
    return this.page(ordered, query);
  }

  async read(actor: Actor, id: string) {
    const row = await consultationRows(this.dataSource.manager).where('q.id = :id', { id }).getRawOne<ConsultationRow>();
    assertCanRead(actor, row);
    return present(row, this.today());
  }

  /** The department's one answer, by one of its staff; the applicant is told by a worker once it has committed. */
  async answer(actor: Actor, id: string, answer: string) {
    const notice = await this.dataSource.transaction(async (tx) => {
      const consultation = await tx.findOne(Consultation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!consultation) throw consultationNotFound();
      const department = await tx.findOneByOrFail(Department, { id: consultation.departmentId });
      const addressed = { authorId: consultation.authorId, kind: consultation.kind, departmentCode: department.code };
      assertCanRead(actor, addressed);
      assertCanAnswer(actor, addressed);
      if (consultation.answeredAt) {
        throw new AppError(409, 'CONSULTATION_ANSWERED', { zh: '该咨询投诉已答复，只能答复一次', en: 'It has already been answered: it is answered once' }, {
          answeredAt: consultation.answeredAt,
        });
      }
      Object.assign(consultation, { answer, answeredBy: actor.id, answeredAt: this.clock.now() });
      await tx.save(consultation);
      await this.trail(tx, 'consultation.answered', actor, 'staff', answer, {
        consultationId: id, kind: consultation.kind, departmentCode: department.code, dueDate: consultation.dueDate, late: isOverdue(consultation, this.today()),
      });
      return this.answerNotice(tx, consultation, department);
    });
    // Not awaited: the request never waits on the queue (a Redis that is down would hold it until it is back).
    this.notices.dispatch(notice).catch((error: Error) => this.logger.warn(`the answer to ${id} was not queued for the applicant: ${error.message}`));
    return this.read(actor, id);
  }

  private async page(rows: ReturnType<typeof consultationRows>, { limit, offset }: ConsultationListQuery) {
    const total = await rows.getCount();
    const found = await rows.offset(offset).limit(limit).getRawMany<ConsultationRow>();
    const today = this.today();
    return { total, items: found.map((row) => present(row, today)) };
  }

  /** Only the applicant's own (or their organisation's) case, once submitted: a draft is not before any department yet. */
  private async assertOwnSubmittedCase(tx: EntityManager, actor: Actor, caseId: string): Promise<void> {
    const kase = await tx.findOneBy(Case, { id: caseId });
    assertFiler(actor, kase);
    if (!kase.submittedAt) {
      throw new AppError(422, 'CASE_NOT_SUBMITTED', {
        zh: '该办件尚未申报，部门还看不到它：请申报后再就它提问',
        en: 'The case has not been submitted, so no department can see it yet: submit it first',
      });
    }
  }

  /** The reply period's last day, counted in working days from the day after it was written; unknown, not guessed, while that year's schedule is not loaded. */
  private async dueDate(tx: EntityManager, kind: ConsultationKind, now: Date) {
    const calendar = await this.calendar.current(tx);
    return unlessYearMissing(() => calendar.addWorkingDays(dateInShanghai(now), this.config.replyWorkingDays[kind]));
  }

  private async answerNotice(tx: EntityManager, consultation: Consultation, department: Department): Promise<Notice> {
    const author = await tx.findOneByOrFail(User, { id: consultation.authorId });
    const kind = KIND_NAMES[consultation.kind];
    return {
      userId: author.id,
      phone: author.mobile,
      caseId: consultation.caseId,
      dedupeKey: `consultation-answer:${consultation.id}`,
      title: `您的${kind.zh}已答复 ${kind.en} answered：${consultation.subject}`,
      body: `${department.name} 答复 answered：\n${consultation.answer}`,
    };
  }

  private today() {
    return dateInShanghai(this.clock.now());
  }

  private trail(tx: EntityManager, action: string, actor: Actor, role: string, comment: string, details: object) {
    // Not on a case's timeline even when it names a case: a message about a case is not a step of it.
    return this.audit.append(tx, {
      caseId: null, action, actorId: actor.id, actorName: actor.displayName, actorRole: role,
      stageFrom: null, stageTo: null, comment, commandId: null, details, at: this.clock.now(),
    });
  }
}
