import { MigrationInterface, QueryRunner } from 'typeorm';

/** The working-day calendar: the special dates of each loaded year's official schedule. */
export class Calendar1795800000000 implements MigrationInterface {
  name = 'Calendar1795800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE calendar_days (
        date date PRIMARY KEY,
        kind varchar NOT NULL CONSTRAINT ck_calendar_days_kind CHECK (kind IN ('holiday', 'adjusted_working_day')),
        name varchar NOT NULL,
        source varchar NOT NULL CONSTRAINT ck_calendar_days_source CHECK (source IN ('package', 'administrator')),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE calendar_years (
        year int PRIMARY KEY,
        source varchar NOT NULL CONSTRAINT ck_calendar_years_source CHECK (source IN ('package', 'administrator')),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE calendar_years`);
    await db.query(`DROP TABLE calendar_days`);
  }
}
