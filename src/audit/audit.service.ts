import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Like, Repository } from 'typeorm';
import { AuditChainWriter, type NewAuditEntry } from './audit-chain-writer.js';
import { AuditEntry } from './audit-entry.entity.js';

export type { NewAuditEntry };

// Entries about a case that are not steps of it: file changes, who holds which task, the documents issued.
const NOT_STEPS = ['material.', 'task.', 'document.'];

/**
 * The append-only trail. Appends take the caller's transaction, so a change and its record commit together
 * (the entry is written, chained, just before that transaction commits).
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly chain: AuditChainWriter,
  ) {}

  append(tx: EntityManager, entry: NewAuditEntry): Promise<void> {
    return this.chain.append(tx, entry);
  }

  caseHistory(caseId: string): Promise<AuditEntry[]> {
    return this.entries.find({ where: { caseId }, order: { seq: 'ASC' } });
  }

  /** The case's steps: its history without the file-by-file changes of its materials and who claimed which task, which stay in the trail. */
  async caseSteps(caseId: string): Promise<AuditEntry[]> {
    return (await this.caseHistory(caseId)).filter((entry) => !NOT_STEPS.some((prefix) => entry.action.startsWith(prefix)));
  }

  /** The newest entries whose action starts with `prefix` (e.g. 'calendar.'): an administration history. */
  latestByActionPrefix(prefix: string, limit = 200): Promise<AuditEntry[]> {
    return this.entries.find({ where: { action: Like(`${prefix}%`) }, order: { id: 'DESC' }, take: limit });
  }
}
