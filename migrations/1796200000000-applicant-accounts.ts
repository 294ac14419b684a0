import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants' accounts: a person's or an organisation's details, organisations with their members and the
 * administrator's invitations, password resets, and the lock after repeated failed logins.
 */
export class ApplicantAccounts1796200000000 implements MigrationInterface {
  name = 'ApplicantAccounts1796200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN kind varchar CONSTRAINT ck_users_kind CHECK (kind IN ('person', 'organisation')),
        ADD COLUMN id_type varchar
          CONSTRAINT ck_users_id_type CHECK (id_type IN ('resident_id', 'hmt_residence_permit', 'passport', 'hk_macao_permit', 'taiwan_permit')),
        ADD COLUMN id_number varchar,
        ADD COLUMN mobile varchar,
        ADD COLUMN email varchar,
        ADD COLUMN password_changed_at timestamptz,
        ADD CONSTRAINT ck_users_id_document_whole CHECK ((id_type IS NULL) = (id_number IS NULL))`);
    // One account per person (实名): organisation members are not counted, since they act for their organisation.
    await db.query(`CREATE UNIQUE INDEX uq_users_person_id_document ON users (id_type, id_number) WHERE kind = 'person'`);
    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar NOT NULL,
        credit_code varchar(18) NOT NULL CONSTRAINT uq_organisations_credit_code UNIQUE,
        legal_representative_name varchar NOT NULL,
        legal_representative_id_type varchar NOT NULL CONSTRAINT ck_organisations_legal_representative_id_type
          CHECK (legal_representative_id_type IN ('resident_id', 'hmt_residence_permit', 'passport', 'hk_macao_permit', 'taiwan_permit')),
        legal_representative_id_number varchar NOT NULL,
        address varchar NOT NULL,
        contact_name varchar NOT NULL,
        contact_phone varchar NOT NULL,
        mobile varchar,
        email varchar,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE organisation_invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        token_hash varchar NOT NULL CONSTRAINT uq_organisation_invitations_token UNIQUE,
        invited_by uuid NOT NULL REFERENCES users(id),
        note varchar,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_by uuid REFERENCES users(id),
        revoked_at timestamptz,
        CONSTRAINT ck_organisation_invitations_accepted_whole CHECK ((accepted_at IS NULL) = (accepted_by IS NULL)),
        CONSTRAINT ck_organisation_invitations_used_once CHECK (accepted_at IS NULL OR revoked_at IS NULL)
      )`);
    await db.query(`CREATE INDEX ix_organisation_invitations_organisation ON organisation_invitations (organisation_id, created_at)`);
    await db.query(`
      CREATE TABLE organisation_members (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
        role varchar NOT NULL CONSTRAINT ck_organisation_members_role CHECK (role IN ('administrator', 'member')),
        joined_at timestamptz NOT NULL,
        invitation_id uuid REFERENCES organisation_invitations(id)
      )`);
    await db.query(`CREATE INDEX ix_organisation_members_organisation ON organisation_members (organisation_id)`);
    // Each organisation has exactly one administrator: the account that registered it.
    await db.query(`CREATE UNIQUE INDEX uq_organisation_members_one_administrator ON organisation_members (organisation_id) WHERE role = 'administrator'`);
    await db.query(`
      CREATE TABLE password_reset_tokens (
        token_hash varchar PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`CREATE INDEX ix_password_reset_tokens_user ON password_reset_tokens (user_id, created_at)`);
    // An account's security log: its identity events, found by the login name they concern.
    await db.query(`CREATE INDEX ix_audit_entries_identity_username ON audit_entries ((details ->> 'username'), id) WHERE case_id IS NULL AND action LIKE 'identity.%'`);
    await db.query(`
      CREATE TABLE login_throttles (
        username varchar PRIMARY KEY,
        attempts timestamptz[] NOT NULL,
        locked_until timestamptz
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_throttles`);
    await db.query(`DROP INDEX ix_audit_entries_identity_username`);
    await db.query(`DROP TABLE password_reset_tokens`);
    await db.query(`DROP TABLE organisation_members`);
    await db.query(`DROP TABLE organisation_invitations`);
    await db.query(`DROP TABLE organisations`);
    await db.query(`DROP INDEX uq_users_person_id_document`);
    await db.query(`
      ALTER TABLE users
        DROP CONSTRAINT ck_users_id_document_whole,
        DROP COLUMN password_changed_at,
        DROP COLUMN email,
        DROP COLUMN mobile,
        DROP COLUMN id_number,
        DROP COLUMN id_type,
        DROP COLUMN kind`);
  }
}
