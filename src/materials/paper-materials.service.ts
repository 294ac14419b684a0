import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { actsAtTheWindowFor, assertCanRead } from '../cases/case-access.js';
import { Case } from '../cases/case.entity.js';
import { lockCase } from '../cases/case-transition.service.js';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { CasePaperMaterial } from './case-paper-material.entity.js';
import { assertApplicantsTurn, rulesOf } from './material-rules.js';
import type { PaperMaterialDto } from './paper-material.dto.js';

/**
 * 收取纸质材料: at the counter the window ticks, item by item, the paper it received of a walk-in case, beside
 * the scans it uploads. Recorded while the case waits for its filer; a tick is undone only before submission,
 * for the paper is then in the file.
 */
@Injectable()
export class PaperMaterialsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async receive(actor: Actor, caseId: string, requiredMaterialId: string, dto: PaperMaterialDto) {
    if (dto.originals + dto.photocopies === 0) {
      throw new AppError(400, 'VALIDATION_FAILED', { zh: '原件与复印件至少收取一份', en: 'At least one original or photocopy must be received' }, {
        fields: [{ field: 'originals', problems: ['originals and photocopies must not both be 0'] }],
      });
    }
    return this.dataSource.transaction(async (tx) => {
      const kase = await this.windowsCase(tx, actor, caseId);
      await assertApplicantsTurn(tx, kase);
      const { name } = await rulesOf(tx, kase, { requiredMaterialId });
      const received = { caseId, requiredMaterialId, ...dto, receivedBy: actor.id, receivedAt: this.clock.now() };
      await tx.upsert(CasePaperMaterial, received, ['caseId', 'requiredMaterialId']);
      await this.trail(tx, actor, kase, 'material.paperReceived', { requiredMaterialId, name, ...dto });
      return presentPaper({ ...received, receivedByName: actor.displayName });
    });
  }

  async undo(actor: Actor, caseId: string, requiredMaterialId: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const kase = await this.windowsCase(tx, actor, caseId);
      if (kase.submittedAt) {
        throw new AppError(409, 'CASE_SUBMITTED', { zh: '办件已提交，收取的纸质材料已入卷，不能撤销', en: 'The case has been submitted: the paper received is on file and stays recorded' });
      }
      const { affected } = await tx.delete(CasePaperMaterial, { caseId, requiredMaterialId });
      if (affected) await this.trail(tx, actor, kase, 'material.paperReturned', { requiredMaterialId });
    });
  }

  /** The paper received of each item of a case, by item id. */
  async ofCase(manager: EntityManager, caseId: string) {
    const rows: (CasePaperMaterial & { receivedByName: string })[] = await manager.query(
      `SELECT p.required_material_id AS "requiredMaterialId", p.originals, p.photocopies, p.received_by AS "receivedBy", p.received_at AS "receivedAt", u.display_name AS "receivedByName"
         FROM case_paper_materials p JOIN users u ON u.id = p.received_by WHERE p.case_id = $1`,
      [caseId],
    );
    return new Map(rows.map((row) => [row.requiredMaterialId, presentPaper(row)]));
  }

  /** A walk-in case, locked, that this member of staff serves the window of. */
  private async windowsCase(tx: EntityManager, actor: Actor, caseId: string): Promise<Case> {
    const kase = await assertCanRead(tx, actor, await lockCase(tx, caseId));
    if (kase.channel !== 'window') {
      throw new AppError(409, 'NOT_A_WALK_IN_CASE', { zh: '该办件为网上申报，没有窗口收取的纸质材料', en: 'The case was filed online: the window received no paper for it' });
    }
    if (!actsAtTheWindowFor(actor, kase)) {
      throw new AppError(403, 'NOT_THE_FILING_WINDOW', {
        zh: `只有受理窗口（${kase.filingDepartment}）的工作人员可以收取纸质材料`, en: `Only window staff of ${kase.filingDepartment}, where the case was filed, may record paper received`,
      }, { requiredDepartment: kase.filingDepartment });
    }
    return kase;
  }

  private trail(tx: EntityManager, actor: Actor, kase: Case, action: string, details: object) {
    return this.audit.append(tx, {
      caseId: kase.id, action, actorId: actor.id, actorName: actor.displayName, actorRole: 'window_staff',
      stageFrom: null, stageTo: null, comment: null, commandId: null, details, at: this.clock.now(),
    });
  }
}

const presentPaper = ({ originals, photocopies, receivedBy, receivedByName, receivedAt }: Omit<CasePaperMaterial, 'id' | 'caseId'> & { receivedByName: string }) => ({
  originals, photocopies, receivedBy: { id: receivedBy, name: receivedByName }, receivedAt,
});
