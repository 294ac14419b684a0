import { Injectable } from '@nestjs/common';
import { EntityManager, IsNull } from 'typeorm';
import type { Message } from '../common/app-error.js';
import type { Case } from '../cases/case.entity.js';
import type { SupplementItemInput } from '../cases/transition.js';
import { CaseMaterial } from './case-material.entity.js';
import { type SupplementItem, SupplementationNotice } from './supplementation-notice.entity.js';

/** The actions by which the applicant hands materials over: what they have uploaded is frozen then. */
export const SUBMITTING_ACTIONS = ['submit', 'supplement'];
/** The action by which staff issue the one-time supplementation notice. */
export const NOTICE_ACTION = 'requestSupplement';

export interface MaterialsRefusal {
  code: string;
  message: Message;
  details: object;
}

/**
 * What submission means for materials: the first submission needs every required item, a resubmission every
 * item its supplementation notice names; then the round's files are frozen, never to be overwritten.
 */
@Injectable()
export class MaterialSubmission {
  /** Why the applicant may not hand over now, or null. */
  async refusal(tx: EntityManager, kase: Case): Promise<MaterialsRefusal | null> {
    const notice = await this.openNotice(tx, kase);
    const missing = notice ? await this.unanswered(tx, kase, notice) : await this.missingRequired(tx, kase);
    if (!missing.length) return null;
    const names = missing.map((item) => item.name);
    return notice
      ? { code: 'SUPPLEMENTS_MISSING', message: { zh: `补正告知所列材料尚未补交：${names.join('、')}`, en: `The supplementation notice asks for materials not yet supplied: ${names.join(', ')}` }, details: { missing } }
      : { code: 'MATERIALS_MISSING', message: { zh: `缺少必要申请材料：${names.join('、')}`, en: `Required materials are missing: ${names.join(', ')}` }, details: { missing } };
  }

  /** Freezes what the applicant uploaded since the last submission as the next round. */
  async freeze(tx: EntityManager, kase: Case, now: Date): Promise<{ round: number; files: number }> {
    kase.submissionRound += 1;
    const frozen = await tx.update(CaseMaterial, { caseId: kase.id, round: IsNull() }, { round: kase.submissionRound, submittedAt: now });
    return { round: kase.submissionRound, files: frozen.affected ?? 0 };
  }

  /** Why a notice with these items may not be issued (an item not of the case's matter), or null. */
  async noticeRefusal(tx: EntityManager, kase: Case, inputs: SupplementItemInput[]): Promise<MaterialsRefusal | null> {
    const names = await this.itemNames(tx, kase);
    const unknown = inputs.map((input, index) => ({ input, index })).filter(({ input }) => input.requiredMaterialId && !names.has(input.requiredMaterialId));
    if (!unknown.length) return null;
    return {
      code: 'VALIDATION_FAILED',
      message: { zh: '补正告知中有不属于该事项的材料项', en: 'The notice names material items that are not of this matter' },
      details: { fields: unknown.map(({ index }) => ({ field: `supplementItems.${index}.requiredMaterialId`, problems: ["requiredMaterialId must be a material item of the case's matter"] })) },
    };
  }

  /** Records the notice for the coming round; without items, the comment is its one general item. */
  async issueNotice(tx: EntityManager, kase: Case, issuedBy: string, inputs: SupplementItemInput[], comment: string | null, now: Date): Promise<SupplementationNotice> {
    const names = await this.itemNames(tx, kase);
    const general = { requiredMaterialId: null, name: '申请材料 Application as a whole', problem: comment ?? '' };
    const items: SupplementItem[] = inputs.length
      ? inputs.map((input) => ({ requiredMaterialId: input.requiredMaterialId ?? null, name: input.requiredMaterialId ? names.get(input.requiredMaterialId)! : general.name, problem: input.problem }))
      : [general];
    const notice = { caseId: kase.id, round: kase.submissionRound + 1, issuedAt: now, issuedBy, items };
    // A second notice before the applicant answers (a send-back) replaces the first: one notice per round.
    await tx.upsert(SupplementationNotice, notice, ['caseId', 'round']);
    return tx.findOneByOrFail(SupplementationNotice, { caseId: kase.id, round: notice.round });
  }

  private async itemNames(tx: EntityManager, kase: Case): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await tx.query(`SELECT id, name FROM required_materials WHERE matter_id = $1`, [kase.matterId]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** The notice the applicant is answering now, if the coming round answers one. */
  openNotice(tx: EntityManager, kase: Case): Promise<SupplementationNotice | null> {
    return tx.findOneBy(SupplementationNotice, { caseId: kase.id, round: kase.submissionRound + 1 });
  }

  private missingRequired(tx: EntityManager, kase: Case): Promise<{ id: string; name: string }[]> {
    return tx.query(
      `SELECT rm.id, rm.name FROM required_materials rm
        WHERE rm.matter_id = $1 AND rm.is_required
          AND NOT EXISTS (SELECT 1 FROM case_materials cm WHERE cm.case_id = $2 AND cm.required_material_id = rm.id)
        ORDER BY rm.position`,
      [kase.matterId, kase.id],
    );
  }

  private async unanswered(tx: EntityManager, kase: Case, notice: SupplementationNotice): Promise<{ id: string; name: string }[]> {
    const supplied: { id: string }[] = await tx.query(
      `SELECT DISTINCT required_material_id AS id FROM case_materials WHERE case_id = $1 AND round IS NULL AND required_material_id IS NOT NULL`,
      [kase.id],
    );
    const suppliedIds = new Set(supplied.map((row) => row.id));
    return notice.items
      .filter((item) => item.requiredMaterialId && !suppliedIds.has(item.requiredMaterialId))
      .map((item) => ({ id: item.requiredMaterialId!, name: item.name }));
  }
}
