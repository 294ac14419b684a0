import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 统计分析 finds each fact of a period by the day it happened on: submissions, acceptances, refusals,
 * completions (the day the clock stopped) and ratings. Without these the statistics scan every case.
 */
export class Statistics1798200000000 implements MigrationInterface {
  name = 'Statistics1798200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX ix_cases_submitted_at ON cases (submitted_at) WHERE submitted_at IS NOT NULL`);
    await db.query(`CREATE INDEX ix_case_clocks_accepted_on ON case_clocks (accepted_on) WHERE accepted_on IS NOT NULL`);
    await db.query(`CREATE INDEX ix_case_clocks_refused_on ON case_clocks (refused_on) WHERE refused_on IS NOT NULL`);
    await db.query(`CREATE INDEX ix_case_clocks_stopped_on ON case_clocks (stopped_on) WHERE stopped_on IS NOT NULL`);
    await db.query(`CREATE INDEX ix_case_ratings_created_at ON case_ratings (created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX ix_case_ratings_created_at`);
    await db.query(`DROP INDEX ix_case_clocks_stopped_on`);
    await db.query(`DROP INDEX ix_case_clocks_refused_on`);
    await db.query(`DROP INDEX ix_case_clocks_accepted_on`);
    await db.query(`DROP INDEX ix_cases_submitted_at`);
  }
}
