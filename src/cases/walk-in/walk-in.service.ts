import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CatalogService } from '../../catalog/catalog.service.js';
import { type Actor } from '../../common/actor.js';
import { AppError } from '../../common/app-error.js';
import { Organisation } from '../../identity/organisation.entity.js';
import { User } from '../../identity/user.entity.js';
import { basicInformationOf } from '../case.dto.js';
import { CasesService } from '../cases.service.js';
import type { FilingParty } from '../filing-party.js';
import type { WalkInCaseDto } from './walk-in.dto.js';

/**
 * 窗口受理: window staff file at the counter for an applicant, who needs no account. The case is then the
 * window's to hand over (materials scanned, paper received, notices answered at the counter) and runs like an
 * online one; when the applicant has an account, by ID document or credit code, the case shows in it too.
 */
@Injectable()
export class WalkInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesService,
    private readonly catalog: CatalogService,
  ) {}

  async file(actor: Actor, dto: WalkInCaseDto) {
    if (!actor.roles.includes('window_staff')) {
      throw new AppError(403, 'ROLE_NOT_ALLOWED', { zh: '只有窗口工作人员可以窗口受理', en: 'Only window staff can file at the window' }, { requiredRole: 'window_staff' });
    }
    const department = await this.catalog.departmentOf(await this.catalog.getMatter(dto.matterId));
    if (!actor.departmentCodes.includes(department.code)) {
      throw new AppError(403, 'DEPARTMENT_NOT_ALLOWED', {
        zh: `该事项由 ${department.name} 受理，您不在该部门窗口`, en: `The matter is filed with ${department.code}, a department you do not serve`,
      }, { requiredDepartment: department.code });
    }
    return this.cases.open(actor, basicInformationOf(dto), { ...(await this.applicantOf(dto)), channel: 'window', filedBy: actor.id, filingDepartment: department.code });
  }

  /** The applicant's account or organisation, found by the document they showed at the counter. */
  private async applicantOf(dto: WalkInCaseDto): Promise<Pick<FilingParty, 'applicantId' | 'organisationId' | 'applicantDocument'>> {
    if (dto.applicantKind === 'organisation') {
      const organisation = await this.dataSource.manager.findOneBy(Organisation, { creditCode: dto.creditCode! });
      return { applicantId: null, organisationId: organisation?.id ?? null, applicantDocument: `credit_code:${dto.creditCode}` };
    }
    const person = await this.dataSource.manager.findOneBy(User, { kind: 'person', idType: dto.idType!, idNumber: dto.idNumber! });
    return { applicantId: person?.id ?? null, organisationId: null, applicantDocument: `${dto.idType}:${dto.idNumber}` };
  }
}
