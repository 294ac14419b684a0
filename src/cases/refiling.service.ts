import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { MaterialsService } from '../materials/materials.service.js';
import { assertFiler, isApplicant } from './case-access.js';
import { endedWithoutGrant } from './filing-again.js';
import { filingPartyOf, onlineParty } from './filing-party.js';
import { basicInformationOf } from './case.dto.js';
import { Case } from './case.entity.js';
import { CasesService } from './cases.service.js';
import { DraftsService } from './drafts.service.js';
import { LegalClockService } from './legal-clock/legal-clock.service.js';

/**
 * Starts a new application from a refused (or withdrawn) one: a new draft of the same matter, on the process
 * version now active, with the old case's information and the files it last handed over for each item.
 */
@Injectable()
export class RefilingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly drafts: DraftsService,
    private readonly materials: MaterialsService,
    private readonly legalClock: LegalClockService,
  ) {}

  async refile(actor: Actor, caseId: string) {
    const from = await this.dataSource.manager.findOneBy(Case, { id: caseId });
    assertFiler(actor, from);
    await this.assertEndedWithoutGrant(from);
    // The applicant files again online; the window files again for a walk-in applicant.
    const party = isApplicant(actor, from) ? onlineParty(actor) : { ...from, filedBy: actor.id };
    const draft = await this.cases.open(actor, basicInformationOf(from), filingPartyOf(party));
    try {
      await this.dataSource.manager.update(Case, { id: draft.id }, { copiedFrom: from.id });
      await this.materials.copyLatest(actor, from, draft.id);
    } catch (error) {
      await this.drafts.delete(actor, draft.id);
      throw error;
    }
    return this.cases.detail(actor, draft.id);
  }

  private async assertEndedWithoutGrant(kase: Case): Promise<void> {
    if (await endedWithoutGrant(this.dataSource.manager, this.legalClock, kase)) return;
    throw new AppError(409, 'NOT_REFUSED', {
      zh: '只能从不予受理、不予许可或已撤回的办件重新申请',
      en: 'Only a case that was refused or withdrawn can be filed again from',
    }, { stage: kase.stage, stageName: kase.stageName, status: kase.status });
  }
}
