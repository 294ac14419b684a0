import { createHash } from 'node:crypto';

/** The `prev_hash` of the first entry: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers, as they are stored (and read back) in audit_entries. */
export interface ChainedFields {
  seq: number;
  prevHash: string;
  caseId: string | null;
  action: string;
  actorId: string | null;
  actorName: string;
  actorRole: string;
  stageFrom: string | null;
  stageTo: string | null;
  comment: string | null;
  commandId: string | null;
  details: unknown;
  at: Date;
  sourceIp: string | null;
  userAgent: string | null;
}

/**
 * JSON with the keys of every object sorted, so that jsonb's own key order never changes a hash. Like
 * JSON.stringify (and so like jsonb, which stores what that gives) it uses toJSON (dates become strings) and
 * leaves out undefined members; an entry therefore hashes the same before it is written and when read back.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/** sha256 (hex) over the canonical serialisation of the entry's fields, its place (seq) and its predecessor's hash. */
export function entryHash(entry: ChainedFields): string {
  const fields = [
    entry.seq, entry.prevHash, entry.caseId?.toLowerCase() ?? null, entry.action, entry.actorId?.toLowerCase() ?? null, entry.actorName,
    entry.actorRole, entry.stageFrom, entry.stageTo, entry.comment, entry.commandId, entry.details, entry.at.toISOString(),
    entry.sourceIp, entry.userAgent,
  ];
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** The columns an entry's hash covers, in a SELECT list whose rows `chainedFieldsOf` reads. */
export const CHAINED_COLUMNS = `id, seq, prev_hash, hash, case_id, action, actor_id, actor_name, actor_role, stage_from, stage_to, comment, command_id, details, at, source_ip, user_agent`;

export interface StoredEntryRow {
  id: string;
  seq: string | null;
  prev_hash: string | null;
  hash: string | null;
  case_id: string | null;
  action: string;
  actor_id: string | null;
  actor_name: string;
  actor_role: string;
  stage_from: string | null;
  stage_to: string | null;
  comment: string | null;
  command_id: string | null;
  details: unknown;
  at: Date;
  source_ip: string | null;
  user_agent: string | null;
}

/** A row read with CHAINED_COLUMNS, as hashed; `seq` and `prevHash` are the given ones (the migration assigns them). */
export function chainedFieldsOf(row: StoredEntryRow, seq: number, prevHash: string): ChainedFields {
  return {
    seq, prevHash, caseId: row.case_id, action: row.action, actorId: row.actor_id, actorName: row.actor_name, actorRole: row.actor_role,
    stageFrom: row.stage_from, stageTo: row.stage_to, comment: row.comment, commandId: row.command_id, details: row.details, at: row.at,
    sourceIp: row.source_ip, userAgent: row.user_agent,
  };
}
