import { MigrationInterface, QueryRunner } from 'typeorm';

/** 好差评: one rating per finished case, and the rectification ticket a poor one opens for the department. */
export class Ratings1796500000000 implements MigrationInterface {
  name = 'Ratings1796500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_ratings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE CONSTRAINT uq_case_ratings_case UNIQUE,
        rater_id uuid NOT NULL REFERENCES users(id),
        level int NOT NULL CONSTRAINT ck_case_ratings_level CHECK (level BETWEEN 1 AND 5),
        reason text,
        created_at timestamptz NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        follow_up_status varchar NOT NULL CONSTRAINT ck_case_ratings_follow_up CHECK (follow_up_status IN ('none', 'open', 'closed')),
        follow_up_due date,
        follow_up_record text,
        followed_up_by uuid REFERENCES users(id),
        followed_up_at timestamptz,
        CONSTRAINT ck_case_ratings_poor_has_reason CHECK (level < 4 OR reason IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX ix_case_ratings_open_follow_ups ON case_ratings (department_id, follow_up_due) WHERE follow_up_status = 'open'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_ratings`);
  }
}
