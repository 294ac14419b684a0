import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The centre's organisation: departments get their level (省/市/县) and the department above them; a member
 * of staff may serve several departments (a comprehensive window serves many); administrators create staff
 * accounts without a password, which the person sets with a one-time token, and disable them.
 */
export class Organisation1797400000000 implements MigrationInterface {
  name = 'Organisation1797400000000';

  async up(db: QueryRunner): Promise<void> {
    // Departments stored so far are the demo centre's, all of a city (市…局).
    await db.query(`
      ALTER TABLE departments
        ADD COLUMN level varchar NOT NULL DEFAULT 'city' CONSTRAINT ck_departments_level CHECK (level IN ('province', 'city', 'county')),
        ADD COLUMN parent_id uuid REFERENCES departments(id),
        ADD CONSTRAINT ck_departments_not_own_parent CHECK (parent_id <> id)`);
    await db.query(`ALTER TABLE departments ALTER COLUMN level DROP DEFAULT`);
    await db.query(`CREATE INDEX ix_departments_parent ON departments (parent_id)`);

    await db.query(`
      CREATE TABLE staff_departments (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments(id),
        PRIMARY KEY (user_id, department_id)
      )`);
    await db.query(`CREATE INDEX ix_staff_departments_department ON staff_departments (department_id)`);
    await db.query(`INSERT INTO staff_departments (user_id, department_id) SELECT id, department_id FROM users WHERE department_id IS NOT NULL`);
    await db.query(`ALTER TABLE users DROP COLUMN department_id`);

    // No password until the person sets one with the token an administrator's creation of the account gave out.
    await db.query(`ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL, ADD COLUMN disabled_at timestamptz`);
    await db.query(`
      ALTER TABLE password_reset_tokens
        ADD COLUMN purpose varchar NOT NULL DEFAULT 'reset' CONSTRAINT ck_password_reset_tokens_purpose CHECK (purpose IN ('reset', 'setup'))`);
    await db.query(`ALTER TABLE password_reset_tokens ALTER COLUMN purpose DROP DEFAULT`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM password_reset_tokens WHERE purpose = 'setup'`);
    await db.query(`ALTER TABLE password_reset_tokens DROP COLUMN purpose`);
    // An account whose password was never set gets a hash no password matches.
    await db.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await db.query(`ALTER TABLE users DROP COLUMN disabled_at, ALTER COLUMN password_hash SET NOT NULL`);
    await db.query(`ALTER TABLE users ADD COLUMN department_id uuid REFERENCES departments(id)`);
    // One department each, as before: the first by code.
    await db.query(`
      UPDATE users u SET department_id = (
        SELECT s.department_id FROM staff_departments s JOIN departments d ON d.id = s.department_id WHERE s.user_id = u.id ORDER BY d.code LIMIT 1)`);
    await db.query(`DROP TABLE staff_departments`);
    await db.query(`DROP INDEX ix_departments_parent`);
    await db.query(`ALTER TABLE departments DROP CONSTRAINT ck_departments_not_own_parent, DROP COLUMN parent_id, DROP COLUMN level`);
  }
}
