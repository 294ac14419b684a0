import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Materials as the law treats them: each item takes certain formats and a number of files; what was submitted
 * is frozen in its submission round, and supplements are new rows of a later round, never overwrites. Extra
 * materials beyond the list carry their own title. A case may be filed for an organisation, seen by all its
 * members, and copied from a refused one (so only open cases must be distinct filings). A supplementation notice lists its defects item by item.
 */
export class MaterialVersions1796600000000 implements MigrationInterface {
  name = 'MaterialVersions1796600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE required_materials
        ADD COLUMN accepted_formats text[] NOT NULL DEFAULT '{pdf,ofd,jpg,jpeg,png}',
        ADD COLUMN max_files int NOT NULL DEFAULT 1 CONSTRAINT ck_required_materials_max_files CHECK (max_files BETWEEN 1 AND 50)`);
    await db.query(`
      ALTER TABLE case_materials
        ALTER COLUMN required_material_id DROP NOT NULL,
        ADD COLUMN title varchar,
        ADD COLUMN round int,
        ADD COLUMN submitted_at timestamptz,
        ADD CONSTRAINT ck_case_materials_item_or_title CHECK (required_material_id IS NOT NULL OR title IS NOT NULL),
        ADD CONSTRAINT ck_case_materials_frozen CHECK ((round IS NULL) = (submitted_at IS NULL))`);
    // Files uploaded before this migration to a submitted case were submitted with it.
    await db.query(`
      UPDATE case_materials m SET round = 1, submitted_at = c.submitted_at
        FROM cases c WHERE c.id = m.case_id AND c.submitted_at IS NOT NULL`);
    await db.query(`
      ALTER TABLE cases
        ADD COLUMN organisation_id uuid REFERENCES organisations(id),
        ADD COLUMN submission_round int NOT NULL DEFAULT 0,
        ADD COLUMN copied_from uuid REFERENCES cases(id) ON DELETE SET NULL`);
    await db.query(`UPDATE cases SET submission_round = 1 WHERE submitted_at IS NOT NULL`);
    // The defaults only filled the rows already there; from now on the product sets every value itself.
    await db.query(`ALTER TABLE cases ALTER COLUMN submission_round DROP DEFAULT`);
    await db.query(`ALTER TABLE required_materials ALTER COLUMN accepted_formats DROP DEFAULT, ALTER COLUMN max_files DROP DEFAULT`);
    // A refused or withdrawn filing may be filed again: only open cases must not repeat one another.
    await db.query(`ALTER TABLE cases DROP CONSTRAINT uq_cases_organisation_project`);
    await db.query(`CREATE UNIQUE INDEX uq_cases_organisation_project ON cases (applicant_organisation, project_name) WHERE status = 'open'`);
    await db.query(`CREATE INDEX ix_cases_organisation ON cases (organisation_id, created_at) WHERE organisation_id IS NOT NULL`);
    await db.query(`
      CREATE TABLE supplementation_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        round int NOT NULL,
        issued_at timestamptz NOT NULL,
        issued_by uuid NOT NULL REFERENCES users(id),
        items jsonb NOT NULL,
        CONSTRAINT uq_supplementation_notices_case_round UNIQUE (case_id, round)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE supplementation_notices`);
    await db.query(`DROP INDEX uq_cases_organisation_project`);
    await db.query(`ALTER TABLE cases ADD CONSTRAINT uq_cases_organisation_project UNIQUE (applicant_organisation, project_name)`);
    await db.query(`ALTER TABLE cases DROP COLUMN copied_from, DROP COLUMN submission_round, DROP COLUMN organisation_id`);
    await db.query(`DELETE FROM case_materials WHERE required_material_id IS NULL`);
    await db.query(`
      ALTER TABLE case_materials
        DROP CONSTRAINT ck_case_materials_frozen, DROP CONSTRAINT ck_case_materials_item_or_title,
        DROP COLUMN submitted_at, DROP COLUMN round, DROP COLUMN title,
        ALTER COLUMN required_material_id SET NOT NULL`);
    await db.query(`ALTER TABLE required_materials DROP COLUMN max_files, DROP COLUMN accepted_formats`);
  }
}
