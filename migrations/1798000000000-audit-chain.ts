import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHAINED_COLUMNS, chainedFieldsOf, entryHash, GENESIS_HASH, type StoredEntryRow } from '../src/audit/audit-chain-hash.js';

const BACKFILL_BATCH = 2000;

/**
 * A tamper-evident audit trail. Every entry gets its place in one gap-free sequence (`seq`), the hash of the
 * entry before it and its own hash; the entries already stored are numbered in id order and hashed here. The
 * one-row `audit_chain_head` holds the last place and hash: appending transactions lock it, so that the chain
 * never forks, and it tells when entries were removed from the end. A trigger refuses to change or remove
 * entries, and the foreign keys go, so that deleting a draft or an account can never touch its entries.
 * Entries also record where a request came from (`source_ip`, `user_agent`).
 */
export class AuditChain1798000000000 implements MigrationInterface {
  name = 'AuditChain1798000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_entries DROP CONSTRAINT IF EXISTS audit_entries_case_id_fkey, DROP CONSTRAINT IF EXISTS audit_entries_actor_id_fkey`);
    await db.query(`ALTER TABLE audit_entries ADD COLUMN seq bigint, ADD COLUMN prev_hash char(64), ADD COLUMN hash char(64), ADD COLUMN source_ip varchar, ADD COLUMN user_agent varchar`);
    const head = await this.backfill(db);
    await db.query(`ALTER TABLE audit_entries ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL, ALTER COLUMN hash SET NOT NULL`);
    await db.query(`ALTER TABLE audit_entries ADD CONSTRAINT uq_audit_entries_seq UNIQUE (seq), ADD CONSTRAINT ck_audit_entries_seq CHECK (seq > 0)`);
    await db.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY CONSTRAINT ck_audit_chain_head_one_row CHECK (id = 1),
        last_seq bigint NOT NULL,
        last_hash char(64) NOT NULL
      )`);
    await db.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (1, $1, $2)`, [head.seq, head.hash]);
    await db.query(`
      CREATE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entries is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await db.query(`CREATE TRIGGER tr_audit_entries_append_only BEFORE UPDATE OR DELETE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only()`);
    await db.query(`CREATE TRIGGER tr_audit_entries_no_truncate BEFORE TRUNCATE ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_append_only()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_audit_entries_no_truncate ON audit_entries`);
    await db.query(`DROP TRIGGER tr_audit_entries_append_only ON audit_entries`);
    await db.query(`DROP FUNCTION audit_entries_append_only()`);
    await db.query(`DROP TABLE audit_chain_head`);
    await db.query(`ALTER TABLE audit_entries DROP COLUMN seq, DROP COLUMN prev_hash, DROP COLUMN hash, DROP COLUMN source_ip, DROP COLUMN user_agent`);
    // NOT VALID: entries of drafts and accounts deleted since then keep ids that no longer exist.
    await db.query(`ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_case_id_fkey FOREIGN KEY (case_id) REFERENCES cases(id) ON DELETE SET NULL NOT VALID`);
    await db.query(`ALTER TABLE audit_entries ADD CONSTRAINT audit_entries_actor_id_fkey FOREIGN KEY (actor_id) REFERENCES users(id) NOT VALID`);
  }

  /** Numbers and hashes the stored entries in id order, a batch at a time; returns the last place and hash. */
  private async backfill(db: QueryRunner): Promise<{ seq: number; hash: string }> {
    let head = { seq: 0, hash: GENESIS_HASH };
    let afterId = '0';
    for (;;) {
      const rows: StoredEntryRow[] = await db.query(`SELECT ${CHAINED_COLUMNS} FROM audit_entries WHERE id > $1 ORDER BY id LIMIT ${BACKFILL_BATCH}`, [afterId]);
      if (rows.length === 0) return head;
      const ids: string[] = [], seqs: number[] = [], prevs: string[] = [], hashes: string[] = [];
      for (const row of rows) {
        const seq = head.seq + 1;
        const hash = entryHash(chainedFieldsOf(row, seq, head.hash));
        ids.push(row.id); seqs.push(seq); prevs.push(head.hash); hashes.push(hash);
        head = { seq, hash };
      }
      await db.query(
        `UPDATE audit_entries a SET seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
           FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS v(id, seq, prev_hash, hash) WHERE a.id = v.id`,
        [ids, seqs, prevs, hashes],
      );
      afterId = rows.at(-1)!.id;
    }
  }
}
