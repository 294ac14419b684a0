import { MigrationInterface, QueryRunner } from 'typeorm';

/** A staff member claims an open task (签收): it is theirs until they release it or it is reassigned, with a reason. */
export class TaskClaims1797200000000 implements MigrationInterface {
  name = 'TaskClaims1797200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_tasks
        ADD COLUMN assignee_id uuid REFERENCES users(id),
        ADD COLUMN claimed_at timestamptz,
        ADD CONSTRAINT ck_case_tasks_claim CHECK ((assignee_id IS NULL) = (claimed_at IS NULL))`);
    await db.query(`CREATE INDEX ix_case_tasks_done_by ON case_tasks (closed_by, closed_at DESC) WHERE closed_at IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_case_tasks_done_by`);
    await db.query(`ALTER TABLE case_tasks DROP CONSTRAINT ck_case_tasks_claim, DROP COLUMN claimed_at, DROP COLUMN assignee_id`);
  }
}
