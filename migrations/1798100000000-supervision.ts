import { MigrationInterface, QueryRunner } from 'typeorm';

// Red first, then yellow, then green: the board's order, and the leading key of its indexes.
const URGENCY = `(CASE alert WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END)`;
const RUNNING = `WHERE alert IN ('green', 'yellow', 'red')`;

/**
 * 电子监察: the supervisors' board reads one table, the case clocks, which get the case's matter and department,
 * the to-do stage it waits at and how often it was urged, so that every filter and the order are served by a
 * partial index over running clocks. Urges (督办) are kept one row each. A department gets a head, who is told
 * when a case of the department is urged.
 */
export class Supervision1798100000000 implements MigrationInterface {
  name = 'Supervision1798100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE case_clocks
        ADD COLUMN matter_id uuid REFERENCES matters(id),
        ADD COLUMN department_id uuid REFERENCES departments(id),
        ADD COLUMN todo_stage varchar,
        ADD COLUMN urge_count int NOT NULL DEFAULT 0 CONSTRAINT ck_case_clocks_urge_count CHECK (urge_count >= 0),
        ADD COLUMN last_urged_at timestamptz`);
    await db.query(`
      UPDATE case_clocks k SET matter_id = c.matter_id, department_id = m.department_id
        FROM cases c JOIN matters m ON m.id = c.matter_id WHERE c.id = k.case_id`);
    // The stage of the earliest open task, by the rule of the to-do list (todo-stages.ts) as it stood here.
    await db.query(`
      UPDATE case_clocks k SET todo_stage = (
        SELECT CASE
          WHEN t.stages && '{acceptance,preAcceptance}'::text[] AND c.submission_round > 1 THEN 'supplementAcceptance'
          WHEN 'preAcceptance' = ANY(t.stages) THEN 'preAcceptance'
          WHEN 'acceptance' = ANY(t.stages) THEN 'acceptance'
          WHEN t.stages && '{review,coReview}'::text[] THEN 'review'
          WHEN 'decision' = ANY(t.stages) THEN 'decision'
          WHEN 'delivery' = ANY(t.stages) THEN 'delivery'
          ELSE 'handling' END
          FROM case_tasks t JOIN cases c ON c.id = t.case_id
         WHERE t.case_id = k.case_id AND t.closed_at IS NULL ORDER BY t.opened_at, t.element_id LIMIT 1)`);
    // Every new clock is written whole (LegalClockService.open): the default only served the rows already there.
    await db.query(`ALTER TABLE case_clocks ALTER COLUMN matter_id SET NOT NULL, ALTER COLUMN department_id SET NOT NULL, ALTER COLUMN urge_count DROP DEFAULT`);
    // The alert and the urge count ride along (INCLUDE) so that counts per colour, urged or not, are index-only scans.
    await db.query(`CREATE INDEX ix_case_clocks_board ON case_clocks (${URGENCY}, promised_deadline, case_id) INCLUDE (alert, urge_count) ${RUNNING}`);
    await db.query(`CREATE INDEX ix_case_clocks_board_department ON case_clocks (department_id, ${URGENCY}, promised_deadline, case_id) INCLUDE (alert, urge_count) ${RUNNING}`);
    await db.query(`CREATE INDEX ix_case_clocks_board_matter ON case_clocks (matter_id, ${URGENCY}, promised_deadline, case_id) INCLUDE (alert, urge_count) ${RUNNING}`);
    await db.query(`CREATE INDEX ix_case_clocks_board_stage ON case_clocks (todo_stage, ${URGENCY}, promised_deadline, case_id) INCLUDE (alert, urge_count) ${RUNNING}`);
    await db.query(`CREATE INDEX ix_case_clocks_board_urged ON case_clocks (${URGENCY}, promised_deadline, case_id) INCLUDE (alert, urge_count) ${RUNNING} AND urge_count > 0`);

    await db.query(`
      CREATE TABLE case_urges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        note text NOT NULL CONSTRAINT ck_case_urges_note CHECK (char_length(note) BETWEEN 1 AND 500),
        urged_by uuid NOT NULL REFERENCES users(id),
        urged_at timestamptz NOT NULL,
        command_id varchar CONSTRAINT uq_case_urges_command UNIQUE,
        stage_at_urge varchar NOT NULL,
        tasks_at_urge uuid[] NOT NULL
      )`);
    await db.query(`CREATE INDEX ix_case_urges_case ON case_urges (case_id, urged_at DESC)`);
    await db.query(`ALTER TABLE departments ADD COLUMN head_id uuid REFERENCES users(id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE departments DROP COLUMN head_id`);
    await db.query(`DROP TABLE case_urges`);
    for (const index of ['board', 'board_department', 'board_matter', 'board_stage', 'board_urged']) await db.query(`DROP INDEX ix_case_clocks_${index}`);
    await db.query(`ALTER TABLE case_clocks DROP COLUMN last_urged_at, DROP COLUMN urge_count, DROP COLUMN todo_stage, DROP COLUMN department_id, DROP COLUMN matter_id`);
  }
}
