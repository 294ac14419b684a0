import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { type Actor } from '../../common/actor.js';
import { notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { assertCanRead } from '../case-access.js';
import { Case } from '../case.entity.js';
import { SYSTEM_ACTOR } from '../trail-actor.js';
import { Licence } from './licence.entity.js';

/** The electronic licence of a granted case (电子证照). */
@Injectable()
export class CaseResultsService {
  constructor(
    @InjectRepository(Licence) private readonly licences: Repository<Licence>,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** One licence per case, numbered after the case. */
  async issueLicence(kase: Case): Promise<{ licenceNumber: string }> {
    const licence = { licenceNumber: `ZZ-${kase.caseNumber}`, caseId: kase.id, matterId: kase.matterId, holder: kase.applicantOrganisation, projectName: kase.projectName, issuedAt: this.clock.now() };
    await this.licences.manager.transaction(async (tx) => {
      const inserted = await tx.createQueryBuilder().insert().into(Licence).values(licence).orIgnore().returning(['id']).execute();
      if (!(inserted.raw as unknown[]).length) return; // issued by an earlier try of the same run
      await this.audit.append(tx, {
        caseId: kase.id, action: 'document.licence_issued', actorId: SYSTEM_ACTOR.id, actorName: SYSTEM_ACTOR.displayName, actorRole: SYSTEM_ACTOR.role,
        stageFrom: null, stageTo: null, comment: null, commandId: null, details: { licenceNumber: licence.licenceNumber }, at: licence.issuedAt,
      });
    });
    return { licenceNumber: (await this.licences.findOneByOrFail({ caseId: kase.id })).licenceNumber };
  }

  async licenceOf(actor: Actor, caseId: string): Promise<Licence> {
    await assertCanRead(this.cases.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const licence = await this.licences.findOneBy({ caseId });
    if (!licence) throw notFound({ zh: '电子证照', en: 'Licence' }, 'LICENCE_NOT_FOUND');
    return licence;
  }
}
