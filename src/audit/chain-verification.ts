import type { Message } from '../common/app-error.js';
import { CHAINED_COLUMNS, chainedFieldsOf, entryHash, GENESIS_HASH, type StoredEntryRow } from './audit-chain-hash.js';

export type ProblemKind = 'altered' | 'missing' | 'reordered';

export interface ChainProblem {
  seq: number;
  /** The row's id; null for a missing place, whose row is gone. */
  id: string | null;
  kind: ProblemKind;
  message: Message;
}

export interface ChainReport {
  ok: boolean;
  /** Rows read and checked. */
  checked: number;
  /** The last place the chain's head records. */
  lastSeq: number;
  problems: ChainProblem[];
  /** More problems were found than listed (MAX_LISTED). */
  truncated: boolean;
}

export type Query = (sql: string, parameters: unknown[]) => Promise<unknown[]>;

const MAX_LISTED = 1000;

const MESSAGES: Record<ProblemKind, (seq: number) => Message> = {
  altered: (seq) => ({ zh: `第 ${seq} 条记录的内容与其哈希不符：已被修改`, en: `Entry ${seq} does not match its hash: it was altered` }),
  missing: (seq) => ({ zh: `第 ${seq} 条记录缺失：已被删除`, en: `Entry ${seq} is missing: it was removed` }),
  reordered: (seq) => ({ zh: `第 ${seq} 条记录不在其写入时的位置：顺序被调换`, en: `Entry ${seq} is not where it was written: the order was changed` }),
};

/**
 * Walks the chain in seq order, one row at a time, and names what is wrong:
 * - a row whose content no longer gives its hash, but which still links to the row before: altered;
 * - a place with no row (a gap, or places the head counts past the last row): missing;
 * - a row whose content does not give its hash and which does not link to the row before either: it was
 *   written at another place (its seq was changed), reordered. The row after it then does not link either;
 *   that follows from the reordering and is not reported again, nor is the broken link after a gap;
 * - a row whose content gives its hash but that does not link to an intact row before it: that row was
 *   rewritten with a fresh hash, so the row before is reported altered.
 */
export class ChainWalk {
  private expectedSeq = 1;
  private previous: { id: string; seq: number; hash: string; flagged: boolean } | null = null;
  private readonly found: ChainProblem[] = [];
  private count = 0;
  private problemCount = 0;

  take(row: StoredEntryRow): void {
    const seq = Number(row.seq);
    const gap = seq > this.expectedSeq;
    for (let missing = this.expectedSeq; missing < seq; missing++) this.report(missing, null, 'missing');
    const intact = entryHash(chainedFieldsOf(row, seq, row.prev_hash ?? '')) === row.hash;
    const linked = row.prev_hash === (this.previous?.hash ?? GENESIS_HASH);
    if (!intact) this.report(seq, row.id, linked ? 'altered' : 'reordered');
    else if (!linked && !gap && !this.previous?.flagged) {
      if (this.previous) this.report(this.previous.seq, this.previous.id, 'altered');
      else this.report(seq, row.id, 'altered');
    }
    this.previous = { id: row.id, seq, hash: row.hash ?? '', flagged: !intact };
    this.expectedSeq = seq + 1;
    this.count += 1;
  }

  /** Compares the end of the walk with the head: places counted there but not found were removed from the end. */
  finish(head: { lastSeq: number; lastHash: string }): ChainReport {
    for (let missing = this.expectedSeq; missing <= head.lastSeq; missing++) this.report(missing, null, 'missing');
    const endsAtHead = head.lastSeq === this.expectedSeq - 1;
    if (endsAtHead && this.previous && !this.previous.flagged && this.previous.hash !== head.lastHash) this.report(this.previous.seq, this.previous.id, 'altered');
    return { ok: this.problemCount === 0, checked: this.count, lastSeq: head.lastSeq, problems: this.found, truncated: this.problemCount > this.found.length };
  }

  private report(seq: number, id: string | null, kind: ProblemKind): void {
    this.problemCount += 1;
    if (this.found.length < MAX_LISTED) this.found.push({ seq, id, kind, message: MESSAGES[kind](seq) });
  }
}

/** Verifies the whole chain up to the head as it stands when the walk starts, reading `batchSize` rows at a time. */
export async function verifyChain(query: Query, batchSize = 5000): Promise<ChainReport> {
  const [head] = (await query(`SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1`, [])) as { last_seq: string; last_hash: string }[];
  const lastSeq = Number(head.last_seq);
  const walk = new ChainWalk();
  let afterSeq = 0;
  for (;;) {
    const rows = (await query(
      `SELECT ${CHAINED_COLUMNS} FROM audit_entries WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT ${batchSize}`,
      [afterSeq, lastSeq],
    )) as StoredEntryRow[];
    for (const row of rows) walk.take(row);
    if (rows.length < batchSize) break;
    afterSeq = Number(rows.at(-1)!.seq);
  }
  return walk.finish({ lastSeq, lastHash: head.last_hash });
}
