import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Process designers' versions (who uploaded each, which one new cases take), co-department tasks, and the
 * service tasks that platform handlers carry out, with what those handlers leave: notifications, generated
 * documents and licence records.
 */
export class ProcessVersions1796000000000 implements MigrationInterface {
  name = 'ProcessVersions1796000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE process_definitions
      ADD COLUMN kind varchar NOT NULL DEFAULT 'standard',
      ADD COLUMN source varchar NOT NULL DEFAULT 'shipped' CONSTRAINT ck_process_definitions_source CHECK (source IN ('shipped', 'upload')),
      ADD COLUMN uploaded_by uuid REFERENCES users(id),
      ADD COLUMN uploaded_by_name varchar,
      ADD COLUMN active boolean NOT NULL DEFAULT false`);
    // Until now the latest version was the one in use: it stays so.
    await db.query(`UPDATE process_definitions d SET active = true
      WHERE version = (SELECT max(version) FROM process_definitions l WHERE l.key = d.key)`);
    // The defaults only filled the rows already there; every new version states its own.
    await db.query(`ALTER TABLE process_definitions ALTER COLUMN kind DROP DEFAULT, ALTER COLUMN source DROP DEFAULT, ALTER COLUMN active DROP DEFAULT`);
    await db.query(`CREATE UNIQUE INDEX uq_process_definitions_one_active ON process_definitions (key) WHERE active`);

    await db.query(`ALTER TABLE case_tasks ADD COLUMN department varchar`);
    await db.query(`
      CREATE TABLE service_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        element_id varchar NOT NULL,
        name varchar NOT NULL,
        handler varchar NOT NULL,
        status varchar NOT NULL CONSTRAINT ck_service_runs_status CHECK (status IN ('pending', 'done', 'failed')),
        attempts int NOT NULL,
        retries int NOT NULL,
        last_error text,
        created_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_service_runs_one_open_per_element ON service_runs (case_id, element_id) WHERE status <> 'done'`);
    await db.query(`CREATE INDEX ix_service_runs_status ON service_runs (status) WHERE status <> 'done'`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        case_id uuid REFERENCES cases(id) ON DELETE CASCADE,
        dedupe_key varchar CONSTRAINT uq_notifications_dedupe_key UNIQUE,
        title varchar NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await db.query(`CREATE INDEX ix_notifications_user ON notifications (user_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE case_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        service_run_id uuid CONSTRAINT uq_case_documents_service_run UNIQUE,
        title varchar NOT NULL,
        storage_key varchar NOT NULL,
        content_type varchar NOT NULL,
        size_bytes bigint NOT NULL,
        sha256 varchar NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE licences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        licence_number varchar NOT NULL CONSTRAINT uq_licences_number UNIQUE,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE CONSTRAINT uq_licences_case UNIQUE,
        matter_id uuid NOT NULL REFERENCES matters(id),
        holder varchar NOT NULL,
        project_name varchar NOT NULL,
        issued_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE licences`);
    await db.query(`DROP TABLE case_documents`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE service_runs`);
    await db.query(`ALTER TABLE case_tasks DROP COLUMN department`);
    await db.query(`DROP INDEX uq_process_definitions_one_active`);
    await db.query(`ALTER TABLE process_definitions DROP COLUMN active, DROP COLUMN uploaded_by_name, DROP COLUMN uploaded_by, DROP COLUMN source, DROP COLUMN kind`);
  }
}
