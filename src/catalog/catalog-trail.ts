import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';

/** The trail of the catalogue's administration: each change of a matter, in the transaction that makes it, found again by the matter's id. */
@Injectable()
export class CatalogTrail {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
  ) {}

  /** Appends `matter.<action>` with the matter's id and what changed. */
  record(tx: EntityManager, actor: Actor, action: string, matterId: string, details: object = {}, comment: string | null = null): Promise<void> {
    return this.audit.append(tx, {
      caseId: null, action: `matter.${action}`, actorId: actor.id, actorName: actor.displayName, actorRole: 'administrator',
      stageFrom: null, stageTo: null, comment, commandId: null, details: { matterId, ...details }, at: this.clock.now(),
    });
  }

  /** Every administration change of one matter, newest first (the index ix_audit_entries_matter serves it). */
  async history(matterId: string) {
    const entries = await this.entries
      .createQueryBuilder('e')
      .where(`e.action LIKE 'matter.%'`)
      .andWhere(`e.details ->> 'matterId' = :matterId`, { matterId })
      .orderBy('e.id', 'DESC')
      .take(500)
      .getMany();
    return entries.map(({ action, actorId, actorName, comment, details, at }) => ({ action, actor: { id: actorId, name: actorName }, comment, details, at }));
  }
}

/** JSON with every object's keys sorted: a value read back from jsonb (which reorders keys) compares equal to the one written. */
