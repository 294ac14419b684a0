import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matters administered in the product: each has a status (draft, published, withdrawn), since only a
 * published matter is shown to the public and takes applications, and a kind (the `tongban:kind` its process
 * must have). Matters already stored were the public catalogue, so they are published; their kind is their
 * process's, or, where the process is not installed yet, the kind of the shipped process of that key.
 * Administration changes are found in the audit trail by the matter's id.
 */
export class MatterAdministration1797500000000 implements MigrationInterface {
  name = 'MatterAdministration1797500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE matters
        ADD COLUMN status varchar NOT NULL DEFAULT 'published'
          CONSTRAINT ck_matters_status CHECK (status IN ('draft', 'published', 'withdrawn')),
        ADD COLUMN kind varchar CONSTRAINT ck_matters_kind CHECK (kind IN ('standard', 'instant', 'commitment', 'parallel'))`);
    await db.query(`
      UPDATE matters m SET kind = COALESCE(
        (SELECT p.kind FROM process_definitions p WHERE p.key = m.process_key AND p.active),
        CASE m.process_key WHEN 'instant' THEN 'instant' WHEN 'notification-commitment' THEN 'commitment'
                           WHEN 'parallel-approval' THEN 'parallel' ELSE 'standard' END)`);
    // The defaults only filled the rows already there: from now on the product sets both itself.
    await db.query(`ALTER TABLE matters ALTER COLUMN status DROP DEFAULT, ALTER COLUMN kind SET NOT NULL`);
    await db.query(`CREATE INDEX ix_matters_status_code ON matters (status, code)`);
    await db.query(`CREATE INDEX ix_audit_entries_matter ON audit_entries ((details ->> 'matterId'), id) WHERE action LIKE 'matter.%'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_audit_entries_matter`);
    await db.query(`DROP INDEX ix_matters_status_code`);
    await db.query(`ALTER TABLE matters DROP COLUMN kind, DROP COLUMN status`);
  }
}
