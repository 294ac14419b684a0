import { MigrationInterface, QueryRunner } from 'typeorm';

/** The spine's schema: identity, catalogue, process versions and state, cases, materials, audit. */
export class InitialSchema1764300000000 implements MigrationInterface {
  name = 'InitialSchema1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar NOT NULL CONSTRAINT uq_departments_code UNIQUE,
        name varchar NOT NULL
      )`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar NOT NULL CONSTRAINT uq_users_username UNIQUE,
        display_name varchar NOT NULL,
        password_hash varchar NOT NULL,
        roles text[] NOT NULL CONSTRAINT ck_users_has_role CHECK (cardinality(roles) > 0),
        department_id uuid REFERENCES departments(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE sessions (
        token_hash varchar PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE matters (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL CONSTRAINT uq_matters_code UNIQUE,
        name varchar NOT NULL,
        department_id uuid NOT NULL REFERENCES departments(id),
        process_key varchar NOT NULL,
        legal_basis text NOT NULL,
        conditions text NOT NULL,
        legal_limit_working_days int NOT NULL CONSTRAINT ck_matters_legal_limit CHECK (legal_limit_working_days >= 0),
        promised_limit_working_days int NOT NULL
          CONSTRAINT ck_matters_promised_within_legal CHECK (promised_limit_working_days BETWEEN 0 AND legal_limit_working_days),
        fees text NOT NULL
      )`);
    await db.query(`
      CREATE TABLE required_materials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        matter_id uuid NOT NULL REFERENCES matters(id) ON DELETE CASCADE,
        name varchar NOT NULL,
        description text NOT NULL,
        original_copies int NOT NULL,
        photocopies int NOT NULL,
        is_required boolean NOT NULL,
        position int NOT NULL,
        CONSTRAINT uq_required_materials_matter_name UNIQUE (matter_id, name)
      )`);
    await db.query(`
      CREATE TABLE process_definitions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar NOT NULL,
        version int NOT NULL,
        name varchar NOT NULL,
        xml text NOT NULL,
        sha256 varchar NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_process_definitions_key_version UNIQUE (key, version),
        CONSTRAINT uq_process_definitions_key_content UNIQUE (key, sha256)
      )`);
    await db.query(`CREATE SEQUENCE case_number_seq`);
    await db.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_number varchar NOT NULL CONSTRAINT uq_cases_case_number UNIQUE,
        matter_id uuid NOT NULL REFERENCES matters(id),
        process_definition_id uuid NOT NULL REFERENCES process_definitions(id),
        applicant_id uuid NOT NULL REFERENCES users(id),
        applicant_organisation varchar NOT NULL,
        project_name varchar NOT NULL,
        legal_representative varchar NOT NULL,
        organisation_phone varchar NOT NULL,
        handler_name varchar NOT NULL,
        handler_phone varchar NOT NULL,
        stage varchar NOT NULL,
        stage_name varchar NOT NULL,
        status varchar NOT NULL CONSTRAINT ck_cases_status CHECK (status IN ('open', 'closed')),
        submitted_at timestamptz,
        closed_at timestamptz,
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_cases_organisation_project UNIQUE (applicant_organisation, project_name)
      )`);
    await db.query(`CREATE INDEX ix_cases_applicant ON cases (applicant_id, created_at DESC)`);
    await db.query(`
      CREATE TABLE process_instances (
        case_id uuid PRIMARY KEY REFERENCES cases(id) ON DELETE CASCADE,
        definition_id uuid NOT NULL REFERENCES process_definitions(id),
        engine_version varchar NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE case_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        element_id varchar NOT NULL,
        name varchar NOT NULL,
        role varchar NOT NULL,
        actions text[] NOT NULL,
        opened_at timestamptz NOT NULL,
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id),
        closing_action varchar
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_case_tasks_one_open_per_element ON case_tasks (case_id, element_id) WHERE closed_at IS NULL`);
    await db.query(`CREATE INDEX ix_case_tasks_open_by_role ON case_tasks (role, opened_at) WHERE closed_at IS NULL`);
    await db.query(`
      CREATE TABLE case_commands (
        command_id varchar PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        action varchar NOT NULL,
        actor_id uuid NOT NULL REFERENCES users(id),
        outcome jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE case_materials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        required_material_id uuid NOT NULL REFERENCES required_materials(id),
        file_name varchar NOT NULL,
        content_type varchar NOT NULL,
        size_bytes bigint NOT NULL CONSTRAINT ck_case_materials_size CHECK (size_bytes >= 0),
        sha256 char(64) NOT NULL,
        storage_key varchar NOT NULL CONSTRAINT uq_case_materials_storage_key UNIQUE,
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX ix_case_materials_case ON case_materials (case_id)`);
    await db.query(`
      CREATE TABLE audit_entries (
        id bigserial PRIMARY KEY,
        case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
        action varchar NOT NULL,
        actor_id uuid REFERENCES users(id),
        actor_name varchar NOT NULL,
        actor_role varchar NOT NULL,
        stage_from varchar,
        stage_to varchar,
        comment text,
        command_id varchar,
        details jsonb,
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX ix_audit_entries_case ON audit_entries (case_id, id) WHERE case_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'audit_entries', 'case_materials', 'case_commands', 'case_tasks', 'process_instances', 'cases',
      'process_definitions', 'required_materials', 'matters', 'sessions', 'users', 'departments',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP SEQUENCE case_number_seq`);
  }
}
