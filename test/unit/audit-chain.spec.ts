import { describe, expect, it } from '@jest/globals';
import type { IncomingMessage } from 'node:http';
import { canonicalJson, entryHash, GENESIS_HASH, type StoredEntryRow } from '../../src/audit/audit-chain-hash.js';
import { ChainWalk } from '../../src/audit/chain-verification.js';
import { originOf } from '../../src/common/request-origin.js';

/** A chain of `length` well-formed rows, id = seq. */
function chain(length: number): StoredEntryRow[] {
  const rows: StoredEntryRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq++) {
    const row: StoredEntryRow = {
      id: String(seq), seq: String(seq), prev_hash: prev, hash: null, case_id: null, action: `step-${seq}`, actor_id: null, actor_name: '张三',
      actor_role: 'applicant', stage_from: null, stage_to: null, comment: null, command_id: null, details: { n: seq }, at: new Date(Date.UTC(2026, 0, seq)),
      source_ip: '127.0.0.1', user_agent: null,
    };
    row.hash = entryHash({
      seq, prevHash: prev, caseId: null, action: row.action, actorId: null, actorName: row.actor_name, actorRole: row.actor_role, stageFrom: null,
      stageTo: null, comment: null, commandId: null, details: row.details, at: row.at, sourceIp: row.source_ip, userAgent: null,
    });
    prev = row.hash;
    rows.push(row);
  }
  return rows;
}

function walk(rows: StoredEntryRow[], head: { lastSeq: number; lastHash: string }) {
  const chainWalk = new ChainWalk();
  for (const row of rows) chainWalk.take(row);
  return chainWalk.finish(head).problems.map(({ seq, id, kind }) => ({ seq, id, kind }));
}

const headOf = (rows: StoredEntryRow[]) => ({ lastSeq: rows.length, lastHash: rows.at(-1)!.hash! });

describe(ChainWalk.name, () => {
  it('finds nothing wrong with an intact chain', () => {
    const rows = chain(5);
    expect(walk(rows, headOf(rows))).toEqual([]);
  });

  it('names an altered row, and a row rewritten with a fresh hash by the row after it', () => {
    const rows = chain(6);
    const head = headOf(rows);
    rows[1] = { ...rows[1], comment: 'changed' };
    const forged = { ...rows[3], comment: 'forged' };
    forged.hash = entryHash({ seq: 4, prevHash: forged.prev_hash!, caseId: null, action: forged.action, actorId: null, actorName: forged.actor_name,
      actorRole: forged.actor_role, stageFrom: null, stageTo: null, comment: 'forged', commandId: null, details: forged.details, at: forged.at,
      sourceIp: forged.source_ip, userAgent: null });
    rows[3] = forged;
    expect(walk(rows, head)).toEqual([{ seq: 2, id: '2', kind: 'altered' }, { seq: 4, id: '4', kind: 'altered' }]);
  });

  it('names removed places, in the middle and at the end', () => {
    const rows = chain(6);
    const head = headOf(rows);
    expect(walk(rows.filter((row) => !['2', '3', '6'].includes(row.id)), head)).toEqual([
      { seq: 2, id: null, kind: 'missing' }, { seq: 3, id: null, kind: 'missing' }, { seq: 6, id: null, kind: 'missing' },
    ]);
  });

  it('names both rows whose places were swapped, and not their neighbours', () => {
    const rows = chain(6);
    const head = headOf(rows);
    const swapped = [rows[0], { ...rows[3], seq: '2' }, rows[2], { ...rows[1], seq: '4' }, rows[4], rows[5]];
    expect(walk(swapped, head)).toEqual([{ seq: 2, id: '4', kind: 'reordered' }, { seq: 4, id: '2', kind: 'reordered' }]);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth, so that jsonb’s order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":2,"f":1}]},"b":1}');
  });
});

describe('originOf', () => {
  const request = (headers: Record<string, string>, remoteAddress = '::ffff:192.0.2.10') => ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

  it('takes the connection’s address unless a proxy is trusted', () => {
    const forwarded = request({ 'x-forwarded-for': '203.0.113.7, 10.0.0.1', 'user-agent': 'UA' });
    expect(originOf(forwarded, false)).toEqual({ sourceIp: '192.0.2.10', userAgent: 'UA' });
    expect(originOf(forwarded, true)).toEqual({ sourceIp: '203.0.113.7', userAgent: 'UA' });
    expect(originOf(request({}), true)).toEqual({ sourceIp: '192.0.2.10', userAgent: null });
  });
});
