import { MigrationInterface, QueryRunner } from 'typeorm';

/** 送达与领取: how each result reached the applicant — by post with its tracking number, or collected, by whom. */
export class Deliveries1797300000000 implements MigrationInterface {
  name = 'Deliveries1797300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE case_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        method varchar NOT NULL CONSTRAINT ck_case_deliveries_method CHECK (method IN ('post', 'pickup')),
        carrier varchar,
        tracking_number varchar,
        address text,
        collector_name varchar,
        collector_id_type varchar,
        collector_id_number varchar,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL,
        CONSTRAINT ck_case_deliveries_details CHECK (
          (method = 'post' AND carrier IS NOT NULL AND tracking_number IS NOT NULL AND address IS NOT NULL)
          OR (method = 'pickup' AND collector_name IS NOT NULL AND collector_id_type IS NOT NULL AND collector_id_number IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ix_case_deliveries_case ON case_deliveries (case_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE case_deliveries`);
  }
}
