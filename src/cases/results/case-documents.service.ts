import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { dateInShanghai } from '../../calendar/calendar-date.js';
import { type Actor } from '../../common/actor.js';
import { AppError, notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { renderPdf } from '../../infrastructure/pdf/pdf-writer.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../../infrastructure/storage/object-storage.js';
import { assertCanRead } from '../case-access.js';
import { Case } from '../case.entity.js';
import { SYSTEM_ACTOR } from '../trail-actor.js';
import { type ClockStep, LegalClockService } from '../legal-clock/legal-clock.service.js';
import { SupplementationNotice } from '../../materials/supplementation-notice.entity.js';
import { ServiceRun } from '../service-runs/service-run.entity.js';
import { CaseDocument } from './case-document.entity.js';
import { ADVERSE_KINDS, DOCUMENT_TITLES, type DocumentKind, documentOwed } from './document-kinds.js';
import { matterNames } from './matter-names.js';
import { type DocumentFacts, noticeBlocks } from './notice-document.js';
import { newVerificationCode, normalisedVerificationCode } from './verification-code.js';

export const PDF = 'application/pdf';
const DOCUMENT = { zh: '文书', en: 'Document' };

/**
 * The notices and decisions of cases (受理通知书, 补正告知书, 不予受理决定书, 准予 / 不予行政许可决定书,
 * 撤销决定书): issued in the transaction of the step that owes them, rendered to PDF in object storage when
 * first listed, downloaded or verified (or by the generateNotice task that waits for them), then served as stored.
 */
@Injectable()
export class CaseDocumentsService {
  private readonly logger = new Logger(CaseDocumentsService.name);

  constructor(
    @InjectRepository(CaseDocument) private readonly documents: Repository<CaseDocument>,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly legalClock: LegalClockService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Issues the document a step owes, in the step's transaction (after the legal clock has taken the step, so
   * that its dates are in the document). A generateNotice task the step opened is the one that waits for it.
   */
  async afterStep(tx: EntityManager, kase: Case, step: ClockStep, openedRuns: string[], now: Date): Promise<void> {
    const kind = documentOwed(step);
    if (!kind) return;
    const waiting = openedRuns.length ? await tx.findOneBy(ServiceRun, { id: In(openedRuns), handler: 'generateNotice' }) : null;
    const reason = kind === 'supplementation' ? await this.supplementationText(tx, kase, step.comment) : step.comment;
    await this.issue(tx, kase, { kind, title: DOCUMENT_TITLES[kind].zh, reason, serviceRunId: waiting?.id ?? null, at: now, competentAuthority: step.competentAuthority ?? null });
  }

  /** 一次性告知: the notice lists every defect, item by item, as the step recorded them for the coming round. */
  private async supplementationText(tx: EntityManager, kase: Case, comment: string | null): Promise<string | null> {
    const notice = await tx.findOneBy(SupplementationNotice, { caseId: kase.id, round: kase.submissionRound + 1 });
    const items = (notice?.items ?? []).filter((item) => item.requiredMaterialId || item.problem !== (comment ?? ''));
    const lines = items.map((item, index) => `${index + 1}. ${item.name}：${item.problem}`);
    return [comment, ...lines].filter(Boolean).join('\n') || null;
  }

  /**
   * The generateNotice handler: renders the document its run waits for; a run placed after a step that owes
   * none issues a notice named after the task, with the latest staff comment. Done once per run.
   */
  async forServiceRun(run: ServiceRun, kase: Case, reason: string | null): Promise<{ documentId: string }> {
    let document = await this.documents.findOneBy({ serviceRunId: run.id });
    if (!document) {
      await this.documents.manager.transaction((tx) => this.issue(tx, kase, { kind: 'notice', title: run.name, reason, serviceRunId: run.id, at: this.clock.now() }));
      document = await this.documents.findOneByOrFail({ serviceRunId: run.id });
    }
    await this.rendered(document);
    return { documentId: document.id };
  }

  async list(actor: Actor, caseId: string) {
    await assertCanRead(this.cases.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const documents = await this.documents.find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const listed: CaseDocument[] = [];
    // One that cannot be rendered now is listed all the same, without its file's size and sha256.
    for (const document of documents) listed.push(await this.rendered(document).catch((error) => this.unrendered(document, error)));
    return listed.map(({ id, kind, title, verificationCode, contentType, sizeBytes, sha256, createdAt }) => ({ id, kind, title, verificationCode, contentType, sizeBytes, sha256, createdAt }));
  }

  async open(actor: Actor, caseId: string, documentId: string): Promise<{ document: CaseDocument; body: Readable }> {
    await assertCanRead(this.cases.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const found = await this.documents.findOneBy({ id: documentId, caseId });
    if (!found) throw notFound(DOCUMENT, 'DOCUMENT_NOT_FOUND');
    const document = await this.available(found);
    return { document, body: await this.storage.get(document.storageKey!) };
  }

  /** 文书核验: what a verification code stands for, without the applicant's name, project or any other private data. */
  async verify(code: string) {
    const found = await this.documents.findOneBy({ verificationCode: normalisedVerificationCode(code) });
    if (!found) {
      throw new AppError(404, 'DOCUMENT_NOT_FOUND', {
        zh: '没有与该校验码相符的文书，请核对文书上印制的校验码',
        en: 'No document has this verification code; check it against the one printed on the document',
      });
    }
    const document = await this.available(found);
    const kase = await this.cases.findOneByOrFail({ id: document.caseId });
    return {
      verificationCode: document.verificationCode,
      kind: document.kind,
      title: document.title,
      caseNumber: kase.caseNumber,
      issuedBy: document.facts?.department ?? null,
      issuedOn: dateInShanghai(document.createdAt),
      contentType: document.contentType,
      sizeBytes: document.sizeBytes,
      sha256: document.sha256,
    };
  }

  private async issue(
    tx: EntityManager,
    kase: Case,
    document: { kind: DocumentKind; title: string; reason: string | null; serviceRunId: string | null; at: Date; competentAuthority?: string | null },
  ): Promise<void> {
    const { kind, title, reason, serviceRunId, at } = document;
    const facts = { ...(await this.factsOf(tx, kase, kind, reason, at)), competentAuthority: document.competentAuthority ?? null };
    const verificationCode = newVerificationCode();
    const inserted = await tx.createQueryBuilder().insert().into(CaseDocument).values({
      caseId: kase.id, serviceRunId, kind, title, verificationCode, facts, storageKey: null, contentType: PDF,
      sizeBytes: null, sha256: null, renderedAt: null, createdAt: at,
    }).orIgnore().returning(['id']).execute();
    const documentId = (inserted.raw as { id: string }[])[0]?.id;
    if (!documentId) return;
    // The platform issues it; the step's own entry, just before, names the person whose action owed it.
    await this.audit.append(tx, {
      caseId: kase.id, action: 'document.issued', actorId: SYSTEM_ACTOR.id, actorName: SYSTEM_ACTOR.displayName, actorRole: SYSTEM_ACTOR.role,
      stageFrom: null, stageTo: null, comment: null, commandId: null, details: { documentId, kind, title, verificationCode }, at,
    });
  }

  /** The case, its matter and department, and its legal clock as they stand after the step. */
  private async factsOf(tx: EntityManager, kase: Case, kind: DocumentKind, reason: string | null, at: Date): Promise<DocumentFacts> {
    const names = await matterNames(tx, kase.matterId);
    const clock = await this.legalClock.view(kase.id, tx);
    const adverse = ADVERSE_KINDS.includes(kind);
    const remedies = (adverse && clock?.remedies) || null;
    return {
      department: names.department,
      caseNumber: kase.caseNumber,
      applicant: kase.applicantOrganisation,
      legalRepresentative: kase.legalRepresentative,
      matter: names.matter,
      project: kase.projectName,
      filedOn: kase.submittedAt && dateInShanghai(kase.submittedAt),
      acceptedOn: clock?.acceptedOn ?? null,
      deemedAccepted: clock?.deemedAccepted ?? false,
      legalDeadline: clock?.legal.deadline ?? null,
      promisedDeadline: clock?.promised.deadline ?? null,
      issuedOn: dateInShanghai(at),
      reason,
      remedies: adverse ? { reconsiderationBy: remedies?.reconsiderationBy ?? null, litigationBy: remedies?.litigationBy ?? null } : null,
    };
  }

  /** The document, rendered; when storage cannot take it now, a clear 503 instead of a file. */
  private async available(document: CaseDocument): Promise<CaseDocument> {
    try {
      return await this.rendered(document);
    } catch (error) {
      this.unrendered(document, error);
      throw new AppError(503, 'DOCUMENT_UNAVAILABLE', { zh: '文书暂时无法生成，请稍后再试', en: 'The document cannot be produced just now; try again later' });
    }
  }

  private unrendered(document: CaseDocument, error: unknown): CaseDocument {
    this.logger.warn(`document ${document.id} could not be rendered: ${error instanceof Error ? error.message : error}`);
    return document;
  }

  /**
   * Renders and stores a document not rendered yet. Two renderings at once each store their own file; the
   * first to record it wins and the other's file is removed, so a document never changes once served.
   */
  private async rendered(document: CaseDocument): Promise<CaseDocument> {
    if (document.renderedAt) return document;
    const pdf = await renderPdf({ title: document.title, createdAt: document.createdAt, blocks: noticeBlocks({ ...document, facts: document.facts!, verificationCode: document.verificationCode! }) });
    const storageKey = `documents/${document.caseId}/${document.id}-${randomUUID()}.pdf`;
    await this.storage.put(storageKey, Readable.from([pdf]));
    const file = { storageKey, sizeBytes: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), renderedAt: this.clock.now() };
    const { affected } = await this.documents.update({ id: document.id, renderedAt: IsNull() }, file);
    if (affected) return { ...document, ...file };
    await this.storage.remove(storageKey).catch((error) => this.logger.warn(`could not remove ${storageKey}: ${error}`));
    return this.documents.findOneByOrFail({ id: document.id });
  }
}
