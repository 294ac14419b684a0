import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal clock of each case (its receipt, acceptance, pauses, extension and the deadlines they give),
 * the timers that act on it, the matters' warning threshold, and the shared time of a test clock.
 */
export class LegalClock1796100000000 implements MigrationInterface {
  name = 'LegalClock1796100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE matters ADD COLUMN warning_working_days int NOT NULL DEFAULT 3 CONSTRAINT ck_matters_warning CHECK (warning_working_days >= 1)`);
    await db.query(`ALTER TABLE matters ALTER COLUMN warning_working_days DROP DEFAULT`);
    // Most limits are working days (Art. 82), but some laws set calendar days (自然日): the unit is the matter's.
    await db.query(`ALTER TABLE matters RENAME COLUMN legal_limit_working_days TO legal_limit_days`);
    await db.query(`ALTER TABLE matters RENAME COLUMN promised_limit_working_days TO promised_limit_days`);
    await db.query(`ALTER TABLE matters ADD COLUMN limit_unit varchar NOT NULL DEFAULT 'working_days' CONSTRAINT ck_matters_limit_unit CHECK (limit_unit IN ('working_days', 'calendar_days'))`);
    await db.query(`ALTER TABLE matters ALTER COLUMN limit_unit DROP DEFAULT`);
    await db.query(`
      CREATE TABLE case_clocks (
        case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        legal_limit_days int NOT NULL,
        promised_limit_days int NOT NULL,
        warning_days int NOT NULL,
        limit_unit varchar NOT NULL CONSTRAINT ck_case_clocks_limit_unit CHECK (limit_unit IN ('working_days', 'calendar_days')),
        received_on date,
        accepted_on date,
        deemed_accepted boolean NOT NULL,
        paused_since date,
        pause_kind varchar,
        pause_expected_days int,
        pause_overrun boolean NOT NULL,
        paused_days int NOT NULL,
        extension_days int NOT NULL,
        extension_allowance_days int NOT NULL,
        refused_on date,
        legal_deadline date,
        promised_deadline date,
        stopped_on date,
        alert varchar NOT NULL CONSTRAINT ck_case_clocks_alert CHECK (alert IN ('none', 'green', 'yellow', 'red', 'paused', 'stopped')),
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX ix_case_clocks_alert ON case_clocks (alert) WHERE alert IN ('yellow', 'red', 'paused')`);
    await db.query(`
      CREATE TABLE case_timers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        kind varchar NOT NULL CONSTRAINT ck_case_timers_kind CHECK (kind IN ('deemedAcceptance', 'alertYellow', 'alertRed', 'pauseOverrun')),
        due_at timestamptz NOT NULL,
        state varchar NOT NULL CONSTRAINT ck_case_timers_state CHECK (state IN ('pending', 'fired', 'cancelled')),
        created_at timestamptz NOT NULL,
        settled_at timestamptz
      )`);
    await db.query(`CREATE INDEX ix_case_timers_due ON case_timers (due_at) WHERE state = 'pending'`);
    await db.query(`CREATE UNIQUE INDEX uq_case_timers_one_pending_per_kind ON case_timers (case_id, kind) WHERE state = 'pending'`);
    // The legal stages a task stands for (from its tongban:stage), which the legal clock reads.
    await db.query(`ALTER TABLE case_tasks ADD COLUMN stages text[] NOT NULL DEFAULT '{}'`);
    await db.query(`ALTER TABLE case_tasks ALTER COLUMN stages DROP DEFAULT`);
    // A task's own time limit (tongban:limit), e.g. a co-department's opinion or the licence's delivery.
    await db.query(`ALTER TABLE case_tasks ADD COLUMN deadline date`);
    await db.query(`CREATE TABLE test_clock (id int PRIMARY KEY CONSTRAINT ck_test_clock_single CHECK (id = 1), offset_ms bigint NOT NULL)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE test_clock`);
    await db.query(`ALTER TABLE case_tasks DROP COLUMN deadline, DROP COLUMN stages`);
    await db.query(`DROP TABLE case_timers`);
    await db.query(`DROP TABLE case_clocks`);
    await db.query(`ALTER TABLE matters DROP COLUMN limit_unit`);
    await db.query(`ALTER TABLE matters RENAME COLUMN promised_limit_days TO promised_limit_working_days`);
    await db.query(`ALTER TABLE matters RENAME COLUMN legal_limit_days TO legal_limit_working_days`);
    await db.query(`ALTER TABLE matters DROP COLUMN warning_working_days`);
  }
}
