import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource, EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent,
} from 'typeorm';
import { currentOrigin } from '../common/request-origin.js';
import { entryHash } from './audit-chain-hash.js';
import { AuditEntry } from './audit-entry.entity.js';

/** What a caller appends; its place in the chain and its hashes are the writer's, its origin the request's unless given. */
export type NewAuditEntry = Omit<AuditEntry, 'id' | 'seq' | 'prevHash' | 'hash' | 'sourceIp' | 'userAgent'> &
  Partial<Pick<AuditEntry, 'sourceIp' | 'userAgent'>>;
type UnchainedEntry = Omit<AuditEntry, 'id' | 'seq' | 'prevHash' | 'hash'>;

interface Pending {
  entry: UnchainedEntry;
  /** The transaction depth it was appended at, so that a rolled-back savepoint takes its entries with it. */
  depth: number;
}

const depthOf = (runner: QueryRunner): number => (runner as unknown as { transactionDepth: number }).transactionDepth;

/**
 * Appends entries to the hash chain. An entry appended in a transaction waits until that transaction commits:
 * just before the COMMIT, the transaction locks the one-row `audit_chain_head`, numbers and hashes its entries
 * after the last one, writes them and moves the head. Concurrent transactions thus queue only for that short
 * moment, and the chain stays one line however many commit at once.
 */
@Injectable()
export class AuditChainWriter implements EntitySubscriberInterface {
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    dataSource.subscribers.push(this);
  }

  async append(tx: EntityManager, entry: NewAuditEntry): Promise<void> {
    const origin = currentOrigin();
    const full: UnchainedEntry = { ...entry, sourceIp: entry.sourceIp ?? origin?.sourceIp ?? null, userAgent: entry.userAgent ?? origin?.userAgent ?? null };
    const runner = tx.queryRunner;
    if (!runner?.isTransactionActive) {
      await this.dataSource.transaction((own) => this.write(own, [full]));
      return;
    }
    const queue = this.pending.get(runner) ?? [];
    queue.push({ entry: full, depth: depthOf(runner) });
    this.pending.set(runner, queue);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (depthOf(runner) > 1) return; // a savepoint released: the entries wait for the real COMMIT
    const queue = this.pending.get(runner);
    if (!queue?.length) return;
    this.pending.delete(runner);
    await this.write(runner.manager, queue.map((pending) => pending.entry));
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    const runner = event.queryRunner;
    const depth = runner.isTransactionActive ? depthOf(runner) : 0;
    const kept = this.pending.get(runner)?.filter((pending) => pending.depth <= depth);
    if (kept?.length) this.pending.set(runner, kept);
    else this.pending.delete(runner);
  }

  private async write(tx: EntityManager, entries: UnchainedEntry[]): Promise<void> {
    const [head]: { last_seq: string; last_hash: string }[] = await tx.query(`SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE`);
    let seq = Number(head.last_seq);
    let prevHash = head.last_hash;
    const rows = entries.map((entry) => {
      seq += 1;
      const hash = entryHash({ ...entry, seq, prevHash });
      const row = { ...entry, seq, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await tx.insert(AuditEntry, rows);
    await tx.query(`UPDATE audit_chain_head SET last_seq = $1, last_hash = $2 WHERE id = 1`, [seq, prevHash]);
  }
}
