import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type Actor } from '../../common/actor.js';
import { notFound } from '../../common/app-error.js';
import { Clock } from '../../common/clock.js';
import { assertCanRead } from '../case-access.js';
import { Case } from '../case.entity.js';
import { Licence } from './licence.entity.js';

/** The electronic licence of a granted case (电子证照). */
@Injectable()
export class CaseResultsService {
  constructor(
    @InjectRepository(Licence) private readonly licences: Repository<Licence>,
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly clock: Clock,
  ) {}

  /** One licence per case, numbered after the case. */
  async issueLicence(kase: Case): Promise<{ licenceNumber: string }> {
    const licence = { licenceNumber: `ZZ-${kase.caseNumber}`, caseId: kase.id, matterId: kase.matterId, holder: kase.applicantOrganisation, projectName: kase.projectName, issuedAt: this.clock.now() };
    await this.licences.createQueryBuilder().insert().values(licence).orIgnore().execute();
    return { licenceNumber: (await this.licences.findOneByOrFail({ caseId: kase.id })).licenceNumber };
  }

  async licenceOf(actor: Actor, caseId: string): Promise<Licence> {
    await assertCanRead(this.cases.manager, actor, await this.cases.findOneBy({ id: caseId }));
    const licence = await this.licences.findOneBy({ caseId });
    if (!licence) throw notFound({ zh: '电子证照', en: 'Licence' }, 'LICENCE_NOT_FOUND');
    return licence;
  }
}
