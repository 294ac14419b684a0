import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { actionLabel } from './action-labels.js';
import { Case } from './case.entity.js';
import { LegalClockService } from './legal-clock/legal-clock.service.js';
import { queryCodeMatches } from './query-code.js';

/**
 * Progress query without login (我要查): the case number and the query code from the receipt show where a
 * case stands and the steps it went through, without names, comments or materials.
 */
@Injectable()
export class CaseProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly legalClock: LegalClockService,
  ) {}

  async query(caseNumber: string, queryCode: string) {
    const kase = await this.dataSource.getRepository(Case).findOneBy({ caseNumber });
    // A wrong code and an unknown number answer alike: neither tells a guesser which part was right.
    if (!kase || !queryCodeMatches(kase.queryCode, queryCode)) {
      throw new AppError(404, 'CASE_NOT_FOUND', {
        zh: '没有与该办件编号和查询码相符的办件，请核对回执上的编号和查询码',
        en: 'No case matches this case number and query code; check both against the receipt',
      });
    }
    const [matter] = await this.dataSource.query(`SELECT name FROM matters WHERE id = $1`, [kase.matterId]);
    const clock = await this.legalClock.view(kase.id, this.dataSource.manager);
    const steps = (await this.audit.caseSteps(kase.id)).filter((entry) => !entry.action.startsWith('clock.'));
    return {
      caseNumber: kase.caseNumber,
      matterName: matter.name,
      projectName: kase.projectName,
      stage: kase.stage,
      stageName: kase.stageName,
      status: kase.status,
      submittedAt: kase.submittedAt,
      closedAt: kase.closedAt,
      acceptedOn: clock?.acceptedOn ?? null,
      promisedDeadline: clock?.promised.deadline ?? null,
      steps: steps.map((entry) => ({
        at: entry.at,
        action: actionLabel(entry.action),
        stage: (entry.details as { stageToName?: string } | null)?.stageToName ?? entry.stageTo,
      })),
    };
  }
}
