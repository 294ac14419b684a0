import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor } from '../common/actor.js';
import { assertCanRead } from './case-access.js';
import { Case } from './case.entity.js';

/**
 * A case's history replayed from the audit trail alone: every entry in chain order with the stage the case
 * stood at after it. The case is consistent with its trail when that replay ends at the stage it is at.
 */
@Injectable()
export class CaseReplayService {
  constructor(
    @InjectRepository(Case) private readonly cases: Repository<Case>,
    private readonly audit: AuditService,
  ) {}

  async replay(actor: Actor, caseId: string) {
    const kase = await assertCanRead(this.cases.manager, actor, await this.cases.findOneBy({ id: caseId }));
    let stage: string | null = null;
    const entries = (await this.audit.caseHistory(caseId)).map((entry) => {
      // Entries that are not steps (files, claims, documents) leave the case where it was.
      stage = entry.stageTo ?? stage;
      return {
        seq: entry.seq, at: entry.at, action: entry.action,
        actor: { id: entry.actorId, name: entry.actorName, role: entry.actorRole },
        stageFrom: entry.stageFrom, stageTo: entry.stageTo, stageAfter: stage, comment: entry.comment,
        sourceIp: entry.sourceIp, userAgent: entry.userAgent,
      };
    });
    return { caseId, caseNumber: kase.caseNumber, stage: kase.stage, replayedStage: stage, consistent: stage === kase.stage, entries };
  }
}
