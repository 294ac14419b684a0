import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 窗口受理: a case filed at the window by staff for an applicant who may have no account. Such a case names the
 * department whose window filed it and the applicant's identity document; its applicant account, when there
 * is one, is linked. The paper materials the window received are recorded item by item.
 */
export class WalkInFiling1797600000000 implements MigrationInterface {
  name = 'WalkInFiling1797600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ALTER COLUMN applicant_id DROP NOT NULL`);
    await db.query(`ALTER TABLE cases ADD COLUMN channel varchar NOT NULL DEFAULT 'online' CONSTRAINT ck_cases_channel CHECK (channel IN ('online', 'window'))`);
    await db.query(`ALTER TABLE cases ALTER COLUMN channel DROP DEFAULT`);
    await db.query(`ALTER TABLE cases ADD COLUMN filed_by uuid REFERENCES users(id)`);
    await db.query(`ALTER TABLE cases ADD COLUMN filing_department varchar`);
    await db.query(`ALTER TABLE cases ADD COLUMN applicant_document varchar`);
    await db.query(`
      ALTER TABLE cases ADD CONSTRAINT ck_cases_filer CHECK (
        (channel = 'online' AND applicant_id IS NOT NULL AND filed_by IS NULL AND filing_department IS NULL)
        OR (channel = 'window' AND filed_by IS NOT NULL AND filing_department IS NOT NULL AND applicant_document IS NOT NULL))`);
    await db.query(`
      CREATE TABLE case_paper_materials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        required_material_id uuid NOT NULL REFERENCES required_materials(id),
        originals int NOT NULL CONSTRAINT ck_case_paper_materials_originals CHECK (originals >= 0),
        photocopies int NOT NULL CONSTRAINT ck_case_paper_materials_photocopies CHECK (photocopies >= 0),
        received_by uuid NOT NULL REFERENCES users(id),
        received_at timestamptz NOT NULL,
        CONSTRAINT uq_case_paper_materials_item UNIQUE (case_id, required_material_id),
        CONSTRAINT ck_case_paper_materials_some CHECK (originals + photocopies > 0)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_paper_materials`);
    await db.query(`ALTER TABLE cases DROP CONSTRAINT ck_cases_filer`);
    await db.query(`ALTER TABLE cases DROP COLUMN applicant_document, DROP COLUMN filing_department, DROP COLUMN filed_by, DROP COLUMN channel`);
    await db.query(`ALTER TABLE cases ALTER COLUMN applicant_id SET NOT NULL`);
  }
}
