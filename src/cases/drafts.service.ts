import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { assertCanRead, assertIsApplicant, filerRole } from './case-access.js';
import { lockCase } from './case-transition.service.js';
import type { UpdateDraftDto } from './case.dto.js';
import { Case } from './case.entity.js';
import { duplicateFiling } from './cases.service.js';

const submitted = (kase: Case) =>
  new AppError(409, 'CASE_SUBMITTED', {
    zh: '办件已提交，不能再修改或删除；如需更正请等待补正告知',
    en: 'The case has been submitted and can no longer be edited or deleted; corrections go through a supplementation notice',
  }, { caseNumber: kase.caseNumber, stage: kase.stage });

/** Drafts (已保存办件) belong to their applicant until submitted: edited or deleted, materials and all. */
@Injectable()
export class DraftsService {
  private readonly logger = new Logger(DraftsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  async update(actor: Actor, caseId: string, dto: UpdateDraftDto): Promise<Case> {
    try {
      return await this.dataSource.transaction(async (tx) => {
        const kase = await this.lockedDraft(tx, actor, caseId);
        Object.assign(kase, dto);
        return tx.save(kase);
      });
    } catch (error) {
      // The organisation and project, as renamed, belong to another filing already.
      if ((error as { constraint?: string }).constraint === 'uq_cases_organisation_project') {
        const kase = await this.dataSource.getRepository(Case).findOneByOrFail({ id: caseId });
        throw duplicateFiling({ applicantOrganisation: dto.applicantOrganisation ?? kase.applicantOrganisation, projectName: dto.projectName ?? kase.projectName });
      }
      throw error;
    }
  }

  /** Deletes the draft and everything of it; its files are removed from storage once that has committed. */
  async delete(actor: Actor, caseId: string): Promise<void> {
    const storageKeys = await this.dataSource.transaction(async (tx) => {
      const kase = await this.lockedDraft(tx, actor, caseId);
      const materials: { storage_key: string }[] = await tx.query(`SELECT storage_key FROM case_materials WHERE case_id = $1`, [caseId]);
      await tx.query(`DELETE FROM cases WHERE id = $1`, [caseId]);
      await this.audit.append(tx, {
        caseId: null, action: 'draft.deleted', actorId: actor.id, actorName: actor.displayName, actorRole: filerRole(actor, kase),
        stageFrom: kase.stage, stageTo: null, comment: null, commandId: null,
        details: { caseId, caseNumber: kase.caseNumber, projectName: kase.projectName, files: materials.length }, at: this.clock.now(),
      });
      return materials.map((material) => material.storage_key);
    });
    for (const key of storageKeys) {
      await this.storage.remove(key).catch((error: Error) => this.logger.warn(`could not remove ${key} of a deleted draft: ${error.message}`));
    }
  }

  private async lockedDraft(tx: EntityManager, actor: Actor, caseId: string): Promise<Case> {
    const kase = await assertCanRead(tx, actor, await lockCase(tx, caseId));
    assertIsApplicant(actor, kase);
    if (kase.submittedAt) throw submitted(kase);
    return kase;
  }
}
