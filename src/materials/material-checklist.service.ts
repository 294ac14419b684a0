import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { assertCanRead } from '../cases/case-access.js';
import { Case } from '../cases/case.entity.js';
import { CaseTask } from '../cases/case-task.entity.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { CaseMaterial } from './case-material.entity.js';
import { presentMaterial, type StoredMaterial } from './material-views.js';
import { MAX_EXTRA_FILES, EXTRA_FORMATS } from './material-rules.js';
import { MaterialSubmission } from './material-submission.js';
import { PaperMaterialsService } from './paper-materials.service.js';
import { SupplementationNotice } from './supplementation-notice.entity.js';

const byRound = (files: StoredMaterial[]) => {
  const rounds = [...new Set(files.map((file) => file.round!))].sort((a, b) => a - b);
  return rounds.map((round) => ({ round, files: files.filter((file) => file.round === round) }));
};

/**
 * The applicant's view of materials item by item: what each item takes, the files not yet handed over, what
 * each submission handed over, and the supplementation notice the coming submission answers.
 */
@Injectable()
export class MaterialChecklistService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly submission: MaterialSubmission,
    private readonly paper: PaperMaterialsService,
  ) {}

  async checklist(actor: Actor, caseId: string) {
    const manager = this.dataSource.manager;
    const kase = await assertCanRead(manager, actor, await manager.findOneBy(Case, { id: caseId }));
    const items = await manager.find(RequiredMaterial, { where: { matterId: kase.matterId }, order: { position: 'ASC' } });
    const files = (await manager.find(CaseMaterial, { where: { caseId }, order: { uploadedAt: 'ASC', id: 'ASC' } })).map(presentMaterial);
    const notice = await this.submission.openNotice(manager, kase);
    const paper = await this.paper.ofCase(manager, caseId);
    const pendingOf = (itemId: string | null) => files.filter((file) => file.requiredMaterialId === itemId && file.round === null);
    const submittedOf = (itemId: string | null) => byRound(files.filter((file) => file.requiredMaterialId === itemId && file.round !== null));
    return {
      submissionRound: kase.submissionRound,
      acceptingFiles: await manager.existsBy(CaseTask, { caseId, role: 'applicant', closedAt: IsNull() }),
      notice: notice && {
        round: notice.round,
        issuedAt: notice.issuedAt,
        items: notice.items.map((item) => ({ ...item, supplied: item.requiredMaterialId ? pendingOf(item.requiredMaterialId).length > 0 : null })),
      },
      items: items.map(({ matterId: _, position: __, ...item }) => ({
        ...item, pending: pendingOf(item.id), submitted: submittedOf(item.id), ...(kase.channel === 'window' ? { paperReceived: paper.get(item.id) ?? null } : {}),
      })),
      extras: { acceptedFormats: EXTRA_FORMATS, maxFiles: MAX_EXTRA_FILES, pending: pendingOf(null), submitted: submittedOf(null) },
    };
  }

  /** Every supplementation notice the case received, oldest first. */
  async notices(actor: Actor, caseId: string) {
    await assertCanRead(this.dataSource.manager, actor, await this.dataSource.manager.findOneBy(Case, { id: caseId }));
    const notices = await this.dataSource.manager.find(SupplementationNotice, { where: { caseId }, order: { round: 'ASC' } });
    return notices.map(({ round, issuedAt, items }) => ({ round, issuedAt, items }));
  }
}
