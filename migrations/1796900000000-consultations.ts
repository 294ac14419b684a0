import { MigrationInterface, QueryRunner } from 'typeorm';

/** 我要问: consultations and complaints applicants write to a department, each answered once by its staff. */
export class Consultations1796900000000 implements MigrationInterface {
  name = 'Consultations1796900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind varchar NOT NULL CONSTRAINT ck_consultations_kind CHECK (kind IN ('consultation', 'complaint')),
        author_id uuid NOT NULL REFERENCES users(id),
        department_id uuid NOT NULL REFERENCES departments(id),
        matter_id uuid REFERENCES matters(id),
        case_id uuid REFERENCES cases(id),
        subject varchar NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL,
        due_date date,
        answer text,
        answered_by uuid REFERENCES users(id),
        answered_at timestamptz,
        CONSTRAINT ck_consultations_answer_whole CHECK ((answer IS NULL) = (answered_by IS NULL) AND (answer IS NULL) = (answered_at IS NULL))
      )`);
    // The department's list, oldest open first; and the applicant's own list.
    await db.query(`CREATE INDEX ix_consultations_department ON consultations (department_id, created_at)`);
    await db.query(`CREATE INDEX ix_consultations_author ON consultations (author_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE consultations`);
  }
}
