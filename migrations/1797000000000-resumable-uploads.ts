import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Resumable uploads (tus): a file arriving in chunks, each kept as its own object until the last one, when
 * they are joined into a material of the case. No foreign key to the case: a draft deleted meanwhile must not
 * take the row along and leave its parts in storage unaccounted for; the expiry sweep removes them.
 */
export class ResumableUploads1797000000000 implements MigrationInterface {
  name = 'ResumableUploads1797000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE resumable_uploads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid NOT NULL REFERENCES users(id),
        case_id uuid NOT NULL,
        required_material_id uuid,
        title varchar,
        file_name varchar NOT NULL,
        metadata text NOT NULL,
        upload_length bigint NOT NULL CONSTRAINT ck_resumable_uploads_length CHECK (upload_length > 0),
        upload_offset bigint NOT NULL,
        part_keys jsonb NOT NULL,
        writing_key varchar,
        writing_since timestamptz,
        status varchar NOT NULL,
        final_key varchar,
        material_id uuid,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        CONSTRAINT ck_resumable_uploads_target CHECK ((required_material_id IS NULL) <> (title IS NULL)),
        CONSTRAINT ck_resumable_uploads_offset CHECK (upload_offset BETWEEN 0 AND upload_length),
        CONSTRAINT ck_resumable_uploads_writing CHECK ((writing_key IS NULL) = (writing_since IS NULL)),
        CONSTRAINT ck_resumable_uploads_status CHECK (status IN ('receiving', 'completing', 'completed')),
        CONSTRAINT ck_resumable_uploads_completed CHECK ((status = 'completed') = (material_id IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX ix_resumable_uploads_expires ON resumable_uploads (expires_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE resumable_uploads`);
  }
}
