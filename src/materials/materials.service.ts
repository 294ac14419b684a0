import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { Case } from '../cases/case.entity.js';
import { assertCanRead, assertIsApplicant, filerRole } from '../cases/case-access.js';
import { lockCase } from '../cases/case-transition.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { removeQuietly, removingOnFailure } from '../infrastructure/storage/stored-file-cleanup.js';
import { CaseMaterial } from './case-material.entity.js';
import { assertApplicantsTurn, assertNotSubmitted, assertRoomFor, MAX_MATERIAL_BYTES, type MaterialTarget, rulesOf } from './material-rules.js';
import { targetOf } from './material-target.columns.js';
import { presentMaterial, type StoredMaterial } from './material-views.js';
import { type ReceivedFile, receiveFile } from './multipart-file.js';

export { MAX_MATERIAL_BYTES };

const MATERIAL = { zh: '材料文件', en: 'Material file' };
const MAX_TITLE_LENGTH = 100;

/**
 * The applicant's files: added per item (or as extras), replaced or deleted until submitted, then kept as
 * they were. Bytes go to storage first; the row that makes a file part of the case is written under the
 * case's lock, after the rules are checked again, so a refused or broken upload leaves nothing behind.
 */
@Injectable()
export class MaterialsService {
  private readonly logger = new Logger(MaterialsService.name);

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    @InjectRepository(CaseMaterial) private readonly materials: Repository<CaseMaterial>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  upload(actor: Actor, caseId: string, requiredMaterialId: string, request: IncomingMessage): Promise<StoredMaterial> {
    return this.receiveAndAttach(actor, caseId, { requiredMaterialId }, request);
  }

  /** An extra material (其他材料): the form's `title` field names it. */
  uploadExtra(actor: Actor, caseId: string, request: IncomingMessage): Promise<StoredMaterial> {
    return this.receiveAndAttach(actor, caseId, { title: '其他材料' }, request, (fields) => ({ title: extraTitle(fields.title) }));
  }

  /** Checks, before any byte is read, that this actor may add a file to this target now; returns what it takes. */
  async admit(actor: Actor, caseId: string, target: MaterialTarget) {
    const kase = await assertCanRead(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    assertIsApplicant(actor, kase);
    await assertApplicantsTurn(this.dataSource.manager, kase);
    const rules = await rulesOf(this.dataSource.manager, kase, target);
    await assertRoomFor(this.dataSource.manager, kase, target, rules);
    return { ...rules, maxBytes: MAX_MATERIAL_BYTES };
  }

  /**
   * Makes a file already in storage part of the case, checking the rules again under the case's lock; on
   * refusal the stored object is removed. Resumable uploads end here too.
   */
  async attach(actor: Actor, caseId: string, target: MaterialTarget, file: ReceivedFile & { storageKey: string }): Promise<StoredMaterial> {
    return this.removingOnFailure(file.storageKey, () =>
      this.dataSource.transaction(async (tx) => {
        const kase = await this.lockedForApplicant(tx, actor, caseId);
        await assertRoomFor(tx, kase, target, await rulesOf(tx, kase, target));
        const requiredMaterialId = 'title' in target ? null : target.requiredMaterialId;
        const title = 'title' in target ? target.title : null;
        const saved = await tx.save(tx.create(CaseMaterial, { caseId, requiredMaterialId, title, uploadedBy: actor.id, round: null, submittedAt: null, ...file }));
        await this.trail(tx, actor, kase, 'material.added', { materialId: saved.id, requiredMaterialId, title, fileName: file.fileName, sha256: file.sha256 });
        return presentMaterial(saved);
      }),
    );
  }

  /** Replaces a file not yet submitted with a new one for the same item; the old bytes go once that has committed. */
  async replace(actor: Actor, caseId: string, materialId: string, request: IncomingMessage): Promise<StoredMaterial> {
    const existing = await this.pendingMaterial(actor, caseId, materialId);
    const target = targetOf(existing);
    const kase = await this.cases.findOneByOrFail({ id: caseId });
    const rules = await rulesOf(this.dataSource.manager, kase, target);
    const { file, storageKey } = await this.receive(caseId, request, { maxBytes: MAX_MATERIAL_BYTES, acceptedFormats: rules.acceptedFormats });
    const replaced = await this.removingOnFailure(storageKey, () =>
      this.dataSource.transaction(async (tx) => {
        const locked = await this.lockedForApplicant(tx, actor, caseId);
        const material = await this.materialOf(tx, caseId, materialId);
        assertNotSubmitted(material);
        const previous = { fileName: material.fileName, sha256: material.sha256, storageKey: material.storageKey };
        Object.assign(material, file, { storageKey, uploadedBy: actor.id, uploadedAt: this.clock.now() });
        const saved = await tx.save(material);
        await this.trail(tx, actor, locked, 'material.replaced', { materialId, previous: { fileName: previous.fileName, sha256: previous.sha256 }, fileName: file.fileName, sha256: file.sha256 });
        return { saved, oldKey: previous.storageKey };
      }),
    );
    await this.removeQuietly(replaced.oldKey);
    return presentMaterial(replaced.saved);
  }

  /** Deletes a file not yet submitted. */
  async remove(actor: Actor, caseId: string, materialId: string): Promise<void> {
    const storageKey = await this.dataSource.transaction(async (tx) => {
      const kase = await this.lockedForApplicant(tx, actor, caseId);
      const material = await this.materialOf(tx, caseId, materialId);
      assertNotSubmitted(material);
      await tx.delete(CaseMaterial, { id: materialId });
      await this.trail(tx, actor, kase, 'material.deleted', { materialId, fileName: material.fileName, sha256: material.sha256 });
      return material.storageKey;
    });
    await this.removeQuietly(storageKey);
  }

  async list(actor: Actor, caseId: string): Promise<StoredMaterial[]> {
    await assertCanRead(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const materials = await this.materials.find({ where: { caseId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
    return materials.map(presentMaterial);
  }

  async download(actor: Actor, caseId: string, materialId: string): Promise<{ material: StoredMaterial; body: Readable }> {
    await assertCanRead(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const material = await this.materialOf(this.dataSource.manager, caseId, materialId);
    return { material: presentMaterial(material), body: await this.storage.get(material.storageKey) };
  }

  /**
   * Copies into a new draft the files a closed case last handed over for each item, and all its extras, as
   * files not yet submitted; the objects are copied first, the rows written together, in the same
   * transaction as the trail entry. Returns how many files were copied.
   */
  async copyLatest(actor: Actor, from: Case, toCaseId: string): Promise<number> {
    const files: CaseMaterial[] = await this.dataSource.query(
      `SELECT id FROM case_materials m WHERE case_id = $1 AND round IS NOT NULL
          AND (required_material_id IS NULL OR round = (SELECT max(round) FROM case_materials l WHERE l.case_id = m.case_id AND l.required_material_id = m.required_material_id))`,
      [from.id],
    ).then((rows: { id: string }[]) => this.materials.findBy({ id: In(rows.map((row) => row.id)) }));
    const copies: CaseMaterial[] = [];
    try {
      for (const file of files) {
        const storageKey = `cases/${toCaseId}/${randomUUID()}`;
        await this.storage.put(storageKey, await this.storage.get(file.storageKey));
        const { requiredMaterialId, title, fileName, contentType, sizeBytes, sha256 } = file;
        copies.push(this.materials.create({ caseId: toCaseId, requiredMaterialId, title, fileName, contentType, sizeBytes, sha256, storageKey, uploadedBy: actor.id, round: null, submittedAt: null }));
      }
      await this.dataSource.transaction(async (tx) => {
        await tx.save(copies);
        const kase = await tx.findOneByOrFail(Case, { id: toCaseId });
        await this.trail(tx, actor, kase, 'material.copied', { fromCaseId: from.id, fromCaseNumber: from.caseNumber, files: copies.length });
      });
      return copies.length;
    } catch (error) {
      for (const copy of copies) await this.removeQuietly(copy.storageKey);
      throw error;
    }
  }

  private async receiveAndAttach(
    actor: Actor,
    caseId: string,
    target: MaterialTarget,
    request: IncomingMessage,
    targetOfFields: (fields: Record<string, string>) => MaterialTarget = () => target,
  ): Promise<StoredMaterial> {
    const rules = await this.admit(actor, caseId, target);
    const { file, storageKey, fields } = await this.receive(caseId, request, rules);
    const finalTarget = await this.removingOnFailure(storageKey, async () => targetOfFields(fields));
    return this.attach(actor, caseId, finalTarget, { ...file, storageKey });
  }

  private async receive(caseId: string, request: IncomingMessage, rules: { maxBytes: number; acceptedFormats: readonly string[] }) {
    const storageKey = `cases/${caseId}/${randomUUID()}`;
    const { fields, ...file } = await this.removingOnFailure(storageKey, () => receiveFile(request, rules, (body) => this.storage.put(storageKey, body)));
    return { file, storageKey, fields };
  }

  private removingOnFailure<T>(storageKey: string, work: () => Promise<T>): Promise<T> {
    return removingOnFailure(this.storage, storageKey, this.logger, work);
  }

  private removeQuietly(storageKey: string): Promise<void> {
    return removeQuietly(this.storage, storageKey, this.logger);
  }

  private async pendingMaterial(actor: Actor, caseId: string, materialId: string): Promise<CaseMaterial> {
    const kase = await assertCanRead(this.dataSource.manager, actor, await this.cases.findOneBy({ id: caseId }));
    assertIsApplicant(actor, kase);
    await assertApplicantsTurn(this.dataSource.manager, kase);
    const material = await this.materialOf(this.dataSource.manager, caseId, materialId);
    assertNotSubmitted(material);
    return material;
  }

  private async lockedForApplicant(tx: EntityManager, actor: Actor, caseId: string): Promise<Case> {
    const kase = await assertCanRead(tx, actor, await lockCase(tx, caseId));
    assertIsApplicant(actor, kase);
    await assertApplicantsTurn(tx, kase);
    return kase;
  }

  private async materialOf(manager: EntityManager, caseId: string, materialId: string): Promise<CaseMaterial> {
    const material = await manager.findOneBy(CaseMaterial, { id: materialId, caseId });
    if (!material) throw notFound(MATERIAL, 'MATERIAL_NOT_FOUND');
    return material;
  }

  private trail(tx: EntityManager, actor: Actor, kase: Case, action: string, details: object) {
    return this.audit.append(tx, {
      caseId: kase.id, action, actorId: actor.id, actorName: actor.displayName, actorRole: filerRole(actor, kase),
      stageFrom: null, stageTo: null, comment: null, commandId: null, details, at: this.clock.now(),
    });
  }
}

function extraTitle(raw: string | undefined): string {
  const title = raw?.trim() ?? '';
  if (title.length >= 1 && title.length <= MAX_TITLE_LENGTH) return title;
  throw new AppError(400, 'VALIDATION_FAILED', { zh: '其他材料须填写 1–100 字的名称（title 字段，放在文件之前）', en: 'An extra material needs a title of 1–100 characters (the field "title", before the file)' }, {
    fields: [{ field: 'title', problems: [`title must be 1–${MAX_TITLE_LENGTH} characters`] }],
  });
}
