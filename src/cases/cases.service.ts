import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ProcessEngine } from '../processes/engine/process-engine.js';
import { pathTaken } from '../processes/engine/process-position.js';
import { ProcessDefinitionService } from '../processes/process-definition.service.js';
import { ProcessInstance } from '../processes/process-instance.entity.js';
import { actionLabel } from './action-labels.js';
import { assertCanRead, assertCanReadPosition, departmentsOf, filerRole, isFiler, taskDepartment } from './case-access.js';
import { endedWithoutGrant } from './filing-again.js';
import { ineligibility } from './task-eligibility.js';
import { DeliveryRecords } from './delivery/delivery-records.js';
import { CaseTask } from './case-task.entity.js';
import { CaseStepRecorder, stageOf } from './case-steps.js';
import { type FilingParty, onlineParty } from './filing-party.js';
import { newQueryCode } from './query-code.js';
import { CreateCaseDto } from './case.dto.js';
import { Case } from './case.entity.js';
import { CaseClock } from './legal-clock/case-clock.entity.js';
import { LegalClockService } from './legal-clock/legal-clock.service.js';
import { ServiceRunDispatcher } from './service-runs/service-run-dispatcher.js';
import { ServiceRun } from './service-runs/service-run.entity.js';

export const duplicateFiling = (dto: Pick<CreateCaseDto, 'applicantOrganisation' | 'projectName'>) =>
  new AppError(
    409,
    'CASE_DUPLICATE',
    {
      zh: `申请单位“${dto.applicantOrganisation}”已有名为“${dto.projectName}”的办件，请勿重复申报`,
      en: `"${dto.applicantOrganisation}" already has a case for the project "${dto.projectName}"`,
    },
    { applicantOrganisation: dto.applicantOrganisation, projectName: dto.projectName },
  );

/** Drafts and what applicants and staff read of a case; moving a case is CaseTransitionService's work. */
@Injectable()
export class CasesService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(CaseTask) private readonly tasks: Repository<CaseTask>,
    @InjectRepository(ServiceRun) private readonly serviceRuns: Repository<ServiceRun>,
    private readonly catalog: CatalogService,
    private readonly definitions: ProcessDefinitionService,
    private readonly recorder: CaseStepRecorder,
    private readonly legalClock: LegalClockService,
    private readonly dispatcher: ServiceRunDispatcher,
    private readonly engine: ProcessEngine,
    private readonly audit: AuditService,
    private readonly deliveries: DeliveryRecords,
    private readonly clock: Clock,
  ) {}

  /** An applicant's draft, filed online. */
  async createDraft(actor: Actor, dto: CreateCaseDto) {
    if (!actor.roles.includes('applicant')) {
      throw new AppError(403, 'ROLE_NOT_ALLOWED', { zh: '只有申请人可以创建办件草稿', en: 'Only applicants can create a draft case' });
    }
    return this.open(actor, dto, onlineParty(actor));
  }

  /** Creates the draft for `party` and starts its process, which then waits for the filer to submit. */
  async open(actor: Actor, dto: CreateCaseDto, party: FilingParty) {
    const matter = await this.catalog.getMatter(dto.matterId);
    const department = await this.catalog.departmentOf(matter);
    const definition = await this.definitions.active(matter.processKey);
    const process = await this.definitions.compile(definition.id);
    if (await this.cases.existsBy({ applicantOrganisation: dto.applicantOrganisation, projectName: dto.projectName, status: 'open' })) throw duplicateFiling(dto);

    try {
      const { draft, opened } = await this.dataSource.transaction(async (tx) => {
        // Only a published matter takes applications (409 otherwise); it stays so until the draft is stored.
        await this.catalog.assertOpenForFiling(tx, matter.id);
        const now = this.clock.now();
        const [{ seq }] = await tx.query(`SELECT nextval('case_number_seq') AS seq`);
        const kase = tx.create(Case, {
          ...dto,
          ...party,
          caseNumber: caseNumber(department.code, now, Number(seq)),
          queryCode: newQueryCode(),
          processDefinitionId: definition.id,
          submissionRound: 0,
          copiedFrom: null,
          status: 'open',
          submittedAt: null,
          closedAt: null,
        });
        kase.id = randomUUID();
        const step = await this.engine.start(process, kase.id);
        const opened = await this.recorder.record(tx, kase, step, now);
        const limits = { legal: matter.legalLimitDays, promised: matter.promisedLimitDays, unit: matter.limitUnit, warning: matter.warningWorkingDays, departmentId: matter.departmentId };
        await this.legalClock.open(tx, kase, limits, process.kind);
        await this.audit.append(tx, {
          caseId: kase.id, action: 'create', actorId: actor.id, actorName: actor.displayName, actorRole: filerRole(actor, party),
          stageFrom: null, stageTo: kase.stage, comment: null, commandId: null, details: { stageToName: kase.stageName }, at: now,
        });
        return { draft: this.present(kase), opened };
      });
      await this.dispatcher.dispatch(opened.map((id) => ({ id, retries: 0 })));
      return draft;
    } catch (error) {
      // Two drafts racing for the same organisation and project: the constraint decides, the loser is told why.
      if ((error as { constraint?: string }).constraint === 'uq_cases_organisation_project') throw duplicateFiling(dto);
      throw error;
    }
  }

  /** The applicant's cases, newest first: drafts (已保存办件), submitted ones (已申报办件) or both, each with its deadlines. */
  async listMine(actor: Actor, state?: 'draft' | 'submitted') {
    const submitted = { draft: { submittedAt: IsNull() }, submitted: { submittedAt: Not(IsNull()) } };
    const filters = state ? submitted[state] : {};
    // An organisation's members share its cases; a person's cases are their own; a window's walk-in filings are its clerks'.
    const where = [
      { applicantId: actor.id, ...filters },
      ...(actor.organisationId ? [{ organisationId: actor.organisationId, ...filters }] : []),
      ...(actor.roles.includes('window_staff') ? [{ channel: 'window' as const, filingDepartment: In(actor.departmentCodes), ...filters }] : []),
    ];
    const cases = await this.cases.find({ where, order: { createdAt: 'DESC' }, take: 200 });
    const clocks = await this.dataSource.getRepository(CaseClock).findBy({ caseId: In(cases.map((kase) => kase.id)) });
    const byCase = new Map(clocks.map((clock) => [clock.caseId, clock]));
    return cases.map((kase) => {
      const clock = byCase.get(kase.id);
      return { ...this.present(kase), deadlines: clock && { alert: clock.alert, legal: clock.legalDeadline, promised: clock.promisedDeadline } };
    });
  }

  async detail(actor: Actor, caseId: string) {
    const kase = await assertCanRead(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const departments = await departmentsOf(this.dataSource.manager, kase);
    const openTasks = await this.tasks.find({ where: { caseId, closedAt: IsNull() }, order: { openedAt: 'ASC', elementId: 'ASC' } });
    const serviceRuns = await this.serviceRuns.find({ where: { caseId, status: Not('done') }, order: { createdAt: 'ASC' } });
    return {
      ...this.present(kase),
      openTasks: await this.legalClock.taskAlerts(openTasks.map((task) => {
        const { id, elementId, name, role, actions, openedAt, deadline, assigneeId, claimedAt } = task;
        const yours = role === 'applicant' ? isFiler(actor, kase) : !ineligibility(actor, task, departments);
        return { id, elementId, name, role, department: taskDepartment(task, departments), actions, openedAt, deadline, assigneeId, claimedAt, yours };
      })),
      // What the platform still has to do on the case; a failed one is an incident that supervisors retry.
      serviceTasks: serviceRuns.map(({ id, elementId, name, status, attempts, createdAt }) => ({ id, elementId, name, status, attempts, createdAt })),
      opinions: await this.coDepartmentOpinions(caseId),
      deliveries: await this.deliveries.ofCase(this.dataSource.manager, caseId),
      clock: await this.legalClock.view(caseId, this.dataSource.manager),
      mayFileAgain: isFiler(actor, kase) && (await endedWithoutGrant(this.dataSource.manager, this.legalClock, kase)),
    };
  }

  /** Where the case stands in its process, for drawing its diagram: the version it runs, where it has been, where it waits. */
  async position(actor: Actor, caseId: string) {
    const kase = await assertCanReadPosition(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const definition = await this.definitions.byId(kase.processDefinitionId);
    const instance = await this.dataSource.getRepository(ProcessInstance).findOneByOrFail({ caseId });
    const openTasks = await this.tasks.find({ where: { caseId, closedAt: IsNull() } });
    const serviceRuns = await this.serviceRuns.find({ where: { caseId, status: Not('done') } });
    return {
      process: { key: definition.key, version: definition.version, name: definition.name, xml: `/api/processes/${encodeURIComponent(definition.key)}/versions/${definition.version}/xml` },
      waitingAt: [...openTasks.map((task) => task.elementId), ...serviceRuns.filter((run) => run.status === 'pending').map((run) => run.elementId)],
      failedAt: serviceRuns.filter((run) => run.status === 'failed').map((run) => run.elementId),
      endedAt: kase.status === 'closed' ? kase.stage : null,
      ...pathTaken(instance.state),
    };
  }

  /** The co-departments' opinions in a parallel approval, an objection included, for the lead department to decide on. */
  private async coDepartmentOpinions(caseId: string) {
    const entries = await this.audit.caseHistory(caseId);
    return entries
      .filter((entry) => (entry.details as { department?: string } | null)?.department)
      .map((entry) => ({
        department: (entry.details as { department: string }).department,
        stage: entry.stageFrom,
        opinion: entry.action,
        opinionName: actionLabel(entry.action),
        by: { id: entry.actorId, name: entry.actorName },
        comment: entry.comment,
        at: entry.at,
      }));
  }

  /** Every stage the case went through: who acted, when, with what comment. File by file changes stay in the audit trail. */
  async timeline(actor: Actor, caseId: string) {
    await assertCanRead(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const entries = await this.audit.caseSteps(caseId);
    return entries.map((entry) => {
      const names = (entry.details ?? {}) as { stageFromName?: string; stageToName?: string };
      return {
        at: entry.at,
        action: entry.action,
        actionName: actionLabel(entry.action),
        actor: { id: entry.actorId, name: entry.actorName, role: entry.actorRole },
        from: entry.stageFrom && { stage: entry.stageFrom, name: names.stageFromName ?? entry.stageFrom },
        to: entry.stageTo && { stage: entry.stageTo, name: names.stageToName ?? entry.stageTo },
        comment: entry.comment,
      };
    });
  }

  private present(kase: Case) {
    const { applicantOrganisation, projectName, legalRepresentative, organisationPhone, handlerName, handlerPhone } = kase;
    return {
      ...stageOf(kase),
      queryCode: kase.queryCode,
      matterId: kase.matterId,
      applicantId: kase.applicantId,
      channel: kase.channel,
      ...(kase.channel === 'window' ? { walkIn: { filedBy: kase.filedBy, department: kase.filingDepartment, applicantDocument: kase.applicantDocument } } : {}),
      basicInformation: { applicantOrganisation, projectName, legalRepresentative, organisationPhone, handlerName, handlerPhone },
      createdAt: kase.createdAt,
      submittedAt: kase.submittedAt,
      closedAt: kase.closedAt,
    };
  }
}

/** Readable and unique: department code, date in Beijing time and a sequence, e.g. NM-ZRZY-20261128-000042. */
export function caseNumber(departmentCode: string, at: Date, sequence: number): string {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .replaceAll('-', '');
  return `${departmentCode}-${date}-${String(sequence).padStart(6, '0')}`;
}
