import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Three lookups that read every row once the tables grow: who may see a case asks which departments any of its
 * tasks (open or closed) was meant for; the worker's sweep of clocks the calendar could not settle runs every
 * 30 seconds; a designer pages through the open cases running on one process version, newest first.
 */
export class LookupIndexes1798300000000 implements MigrationInterface {
  name = 'LookupIndexes1798300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX ix_case_tasks_case ON case_tasks (case_id)`);
    // The predicate covers both branches of LegalClockService.settleUnknown, so the planner proves it from the query.
    await db.query(
      `CREATE INDEX ix_case_clocks_unsettled ON case_clocks (case_id)
        WHERE stopped_on IS NULL AND paused_since IS NULL AND (accepted_on IS NULL OR legal_deadline IS NULL OR promised_deadline IS NULL)`,
    );
    await db.query(`CREATE INDEX ix_cases_open_by_process_version ON cases (process_definition_id, created_at DESC, id DESC) WHERE status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_cases_open_by_process_version`);
    await db.query(`DROP INDEX ix_case_clocks_unsettled`);
    await db.query(`DROP INDEX ix_case_tasks_case`);
  }
}
