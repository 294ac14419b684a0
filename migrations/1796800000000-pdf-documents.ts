import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices and decisions as PDFs with a verification code: a document is issued with its kind, its facts and
 * its code in the step that owes it, and rendered later, so its file, size and sha256 may still be missing.
 * The HTML documents from before keep their files and content type; they are of kind `notice`, without a code.
 */
export class PdfDocuments1796800000000 implements MigrationInterface {
  name = 'PdfDocuments1796800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_documents
        ADD COLUMN kind varchar,
        ADD COLUMN verification_code varchar CONSTRAINT uq_case_documents_verification_code UNIQUE,
        ADD COLUMN facts jsonb,
        ADD COLUMN rendered_at timestamptz`);
    await db.query(`UPDATE case_documents SET kind = 'notice', rendered_at = created_at`);
    await db.query(`
      ALTER TABLE case_documents
        ALTER COLUMN kind SET NOT NULL,
        ALTER COLUMN storage_key DROP NOT NULL,
        ALTER COLUMN size_bytes DROP NOT NULL,
        ALTER COLUMN sha256 DROP NOT NULL,
        ADD CONSTRAINT ck_case_documents_rendered_whole CHECK (
          (rendered_at IS NULL) = (storage_key IS NULL) AND (rendered_at IS NULL) = (size_bytes IS NULL) AND (rendered_at IS NULL) = (sha256 IS NULL)
        )`);
    await db.query(`CREATE INDEX ix_case_documents_case ON case_documents (case_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_case_documents_case`);
    // Documents never rendered have no file to keep: they go, as the columns that describe them do.
    await db.query(`DELETE FROM case_documents WHERE rendered_at IS NULL`);
    await db.query(`
      ALTER TABLE case_documents
        DROP CONSTRAINT ck_case_documents_rendered_whole,
        ALTER COLUMN storage_key SET NOT NULL,
        ALTER COLUMN size_bytes SET NOT NULL,
        ALTER COLUMN sha256 SET NOT NULL,
        DROP COLUMN rendered_at,
        DROP COLUMN facts,
        DROP COLUMN verification_code,
        DROP COLUMN kind`);
  }
}
