import { MigrationInterface, QueryRunner } from 'typeorm';

/** A query code per case, printed on its receipt, with which anyone holding it may follow the case without logging in (我要查). */
export class ProgressQuery1796300000000 implements MigrationInterface {
  name = 'ProgressQuery1796300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases ADD COLUMN query_code varchar`);
    // Cases filed before get a code too: 8 characters from the same unambiguous alphabet the app uses.
    await db.query(`
      UPDATE cases SET query_code = (
        SELECT string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + floor(random() * 31)::int, 1), '')
          FROM generate_series(1, 8) WHERE cases.id IS NOT NULL
      )`);
    await db.query(`ALTER TABLE cases ALTER COLUMN query_code SET NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE cases DROP COLUMN query_code`);
  }
}
