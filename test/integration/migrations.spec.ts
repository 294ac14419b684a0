import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { DataSource } from 'typeorm';
import { ServiceGuides1796700000000 } from '../../migrations/1796700000000-service-guides.js';
import { MatterAdministration1797500000000 } from '../../migrations/1797500000000-matter-administration.js';
import { allMigrations } from '../../migrations/index.js';
import { UNSETTLED_CLOCKS } from '../../src/cases/legal-clock/legal-clock.service.js';
import { AuditEntry } from '../../src/audit/audit-entry.entity.js';
import { CalendarDay } from '../../src/calendar/calendar-day.entity.js';
import { CalendarYear } from '../../src/calendar/calendar-year.entity.js';
import { CaseCommand } from '../../src/cases/case-command.entity.js';
import { CaseTask } from '../../src/cases/case-task.entity.js';
import { CaseDocument } from '../../src/cases/results/case-document.entity.js';
import { Licence } from '../../src/cases/results/licence.entity.js';
import { ServiceRun } from '../../src/cases/service-runs/service-run.entity.js';
import { Notification } from '../../src/notifications/notification.entity.js';
import { CaseClock } from '../../src/cases/legal-clock/case-clock.entity.js';
import { CaseTimer } from '../../src/cases/legal-clock/case-timer.entity.js';
import { CaseRating } from '../../src/ratings/case-rating.entity.js';
import { Consultation } from '../../src/consultations/consultation.entity.js';
import { Case } from '../../src/cases/case.entity.js';
import { Department } from '../../src/catalog/department.entity.js';
import { MaterialTemplate } from '../../src/catalog/material-template.entity.js';
import { Matter } from '../../src/catalog/matter.entity.js';
import { RequiredMaterial } from '../../src/catalog/required-material.entity.js';
import { LoginThrottle } from '../../src/identity/login-throttle.entity.js';
import { OrganisationInvitation } from '../../src/identity/organisation-invitation.entity.js';
import { OrganisationMember } from '../../src/identity/organisation-member.entity.js';
import { Organisation } from '../../src/identity/organisation.entity.js';
import { PasswordResetToken } from '../../src/identity/password-reset-token.entity.js';
import { Session } from '../../src/identity/session.entity.js';
import { User } from '../../src/identity/user.entity.js';
import { CaseMaterial } from '../../src/materials/case-material.entity.js';
import { ResumableUpload } from '../../src/materials/resumable/resumable-upload.entity.js';
import { SupplementationNotice } from '../../src/materials/supplementation-notice.entity.js';
import { CaseDelivery } from '../../src/cases/delivery/case-delivery.entity.js';
import { ProcessDefinition } from '../../src/processes/process-definition.entity.js';
import { ProcessInstance } from '../../src/processes/process-instance.entity.js';
import { StaffDepartment } from '../../src/organisation/staff-department.entity.js';
import { CasePaperMaterial } from '../../src/materials/case-paper-material.entity.js';
import { CaseUrge } from '../../src/supervision/case-urge.entity.js';
import { Organisation1797400000000 } from '../../migrations/1797400000000-organisation.js';
import { AuditChain1798000000000 } from '../../migrations/1798000000000-audit-chain.js';
import { verifyChain } from '../../src/audit/chain-verification.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres.js';

const ENTITIES = [
  AuditEntry, CalendarDay, CalendarYear, CaseCommand, CaseTask, Case, Department, Matter, RequiredMaterial, Session, User, CaseMaterial,
  ProcessDefinition, ProcessInstance, ServiceRun, Notification, CaseDocument, Licence, CaseClock, CaseTimer, CaseRating,
  Organisation, OrganisationMember, OrganisationInvitation, PasswordResetToken, LoginThrottle, SupplementationNotice, CaseDelivery, MaterialTemplate,
  Consultation, ResumableUpload, StaffDepartment, CasePaperMaterial, CaseUrge,
];

interface Engine {
  name: string;
  url: string;
  close(): Promise<void>;
}

async function postgres15(): Promise<Engine> {
  const database: TestDatabase = await createTestDatabase('tongban_migrations');
  return { name: 'PostgreSQL server', url: database.url, close: () => database.drop() };
}

// The embedded mode's engine, served the way the app serves it (pglite-socket), here in the test's own thread.
async function pglite(): Promise<Engine> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  return {
    name: 'PGlite',
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

type Column = { table_name: string; column_name: string; data_type: string; is_nullable: string };

async function schemaOf(dataSource: DataSource): Promise<Column[]> {
  return dataSource.query(
    `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
      WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
}

const schemas: Record<string, Column[]> = {};

describe.each([
  ['PostgreSQL 15', postgres15, /^15\./],
  ['PGlite (PostgreSQL 18)', pglite, /^18\./],
] as const)('migrations on %s', (_name, start, expectedVersion) => {
  let engine: Engine;
  let dataSource: DataSource;

  beforeAll(async () => {
    engine = await start();
    dataSource = await new DataSource({ type: 'postgres', url: engine.url, entities: ENTITIES, migrations: allMigrations, extra: { max: 4 } }).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await engine?.close();
  });

  it('runs on the engine version the mode uses', async () => {
    const [{ server_version }] = await dataSource.query('SHOW server_version');
    expect(server_version).toMatch(expectedVersion);
  });

  it('creates the whole schema, takes it down again and recreates it', async () => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    expect(applied.map((m) => m.name)).toEqual(allMigrations.map((m) => new m().name));
    const created = await schemaOf(dataSource);
    expect(new Set(created.map((c) => c.table_name))).toEqual(
      new Set(['audit_entries', 'calendar_days', 'calendar_years', 'case_clocks', 'case_commands', 'case_documents', 'case_materials', 'case_ratings', 'case_tasks', 'case_timers', 'cases', 'departments', 'licences', 'matters', 'notifications', 'service_runs', 'test_clock',
        'migrations', 'process_definitions', 'process_instances', 'required_materials', 'sessions', 'users',
        'organisations', 'organisation_members', 'organisation_invitations', 'password_reset_tokens', 'login_throttles', 'supplementation_notices', 'case_deliveries',
        'material_templates', 'consultations', 'resumable_uploads', 'staff_departments', 'case_paper_materials', 'case_urges',
        'audit_chain_head']),
    );

    for (let i = 0; i < allMigrations.length; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    expect(new Set((await schemaOf(dataSource)).map((c) => c.table_name))).toEqual(new Set(['migrations']));

    await dataSource.runMigrations({ transaction: 'each' });
    schemas[engine.name] = await schemaOf(dataSource);
    expect(schemas[engine.name]).toEqual(created);
  });

  // The app never synchronizes: the migrations alone must give every entity the columns it maps.
  it('gives every entity exactly the tables and columns it maps', async () => {
    const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
    const columnChanges = upQueries.map((q) => q.query).filter((sql) => /CREATE TABLE|ADD "|DROP COLUMN|ALTER COLUMN/.test(sql));
    expect(columnChanges).toEqual([]);
  });

  it('declares the named invariants', async () => {
    const constraints = await dataSource.query(`SELECT conname FROM pg_constraint WHERE conname LIKE 'uq\\_%' OR conname LIKE 'ck\\_%'`);
    expect(constraints.map((c: { conname: string }) => c.conname)).toEqual(
      expect.arrayContaining(['ck_case_materials_frozen', 'ck_consultations_answer_whole', 'ck_matters_promised_within_legal', 'uq_process_definitions_key_content', 'ck_resumable_uploads_offset', 'ck_matters_status', 'ck_matters_kind', 'ck_cases_channel', 'ck_cases_filer', 'uq_case_paper_materials_item',
        'ck_case_clocks_urge_count', 'ck_case_urges_note', 'uq_case_urges_command',
        'uq_audit_entries_seq', 'ck_audit_chain_head_one_row']),
    );
    await expect(
      dataSource.query(`INSERT INTO departments (code, name, level) VALUES ('D', 'x', 'city'), ('D', 'y', 'city')`),
    ).rejects.toThrow(/uq_departments_code/);
    await expect(dataSource.query(`INSERT INTO departments (code, name, level) VALUES ('D', 'x', 'town')`)).rejects.toThrow(/ck_departments_level/);
    const index = await dataSource.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_case_tasks_one_open_per_element'`);
    expect(index[0].indexdef).toMatch(/UNIQUE INDEX .* WHERE \(closed_at IS NULL\)/);
    expect(constraints.map((c: { conname: string }) => c.conname)).toContain('ck_case_tasks_claim');
    // Only open cases must be distinct filings: a refused or withdrawn one may be filed again.
    const filings = await dataSource.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_cases_organisation_project'`);
    expect(filings[0].indexdef).toMatch(/UNIQUE INDEX .*\(applicant_organisation, project_name\) WHERE \(\(?status\)?::text = 'open'/);
  });

  // Plans, not timings: with sequential scans ruled out, each lookup must still find an index to use.
  it('gives the sweep of unsettled clocks, the departments of a case and the cases on a process version an index each', async () => {
    const plan = (sql: string) => dataSource.transaction(async (tx) => {
      await tx.query('SET LOCAL enable_seqscan = off');
      const rows: Record<string, string>[] = await tx.query(`EXPLAIN ${sql}`);
      return rows.map((row) => Object.values(row)[0]).join('\n');
    });
    expect(await plan(UNSETTLED_CLOCKS)).toContain('ix_case_clocks_unsettled');
    expect(await plan(`SELECT DISTINCT department FROM case_tasks WHERE case_id = '${randomUUID()}'`)).toContain('ix_case_tasks_case');
    expect(await plan(`SELECT id FROM cases WHERE process_definition_id = '${randomUUID()}' AND status = 'open' ORDER BY created_at DESC, id DESC LIMIT 20`))
      .toContain('ix_cases_open_by_process_version');
  });

  // Matters stored before the guides grew could only have come from the demo seeder: they get its values.
  it('fills in the whole service guide of matters stored before it was added', async () => {
    const later = allMigrations.length - allMigrations.indexOf(ServiceGuides1796700000000);
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [{ id: department }] = await dataSource.query(`INSERT INTO departments (code, name) VALUES ('LCJ', '市林业和草原局') RETURNING id`);
    const matter = (code: string, processKey: string) =>
      dataSource.query(
        `INSERT INTO matters (code, name, department_id, process_key, legal_basis, conditions, legal_limit_days, promised_limit_days, limit_unit, fees, warning_working_days)
         VALUES ($1, '某事项', $2, $3, '依据', '条件', 20, 10, 'working_days', '不收费', 3) RETURNING id`,
        [code, department, processKey],
      );
    const [{ id: grassland }] = await matter('LCJ-XK-001', 'standard-licensing');
    await matter('X-001', 'instant');
    await dataSource.query(
      `INSERT INTO required_materials (matter_id, name, description, original_copies, photocopies, is_required, position, accepted_formats, max_files)
       VALUES ($1, '草原权属证明材料', '', 0, 1, true, 0, '{pdf}', 1), ($1, '临时占用草原申请书', '', 1, 0, true, 1, '{pdf}', 1)`,
      [grassland],
    );

    await dataSource.runMigrations({ transaction: 'each' });
    const matters = await dataSource.query(`SELECT * FROM matters ORDER BY code`);
    expect(matters[0]).toMatchObject({
      code: 'LCJ-XK-001', matter_type: 'administrative_licence', case_type: 'commitment', charges_fee: true, fee_basis: expect.stringContaining('草原法'),
      online_service_depth: [1, 2, 3, 4, 6], site_visits: 1, result_name: '临时占用草原审核同意书', pickup_methods: ['window', 'courier', 'electronic'],
      consultation_phone: '0471-4602318', faqs: [expect.objectContaining({ question: expect.any(String) }), expect.anything()],
    });
    expect(matters[1]).toMatchObject({ code: 'X-001', case_type: 'instant', result_name: '待补充', site_visits: 1, faqs: [] });
    const items = await dataSource.query(`SELECT name, source, issuer, form FROM required_materials ORDER BY position`);
    expect(items).toEqual([
      { name: '草原权属证明材料', source: 'government', issuer: '旗县级以上人民政府', form: 'paper_and_electronic' },
      { name: '临时占用草原申请书', source: 'applicant', issuer: null, form: 'paper_and_electronic' },
    ]);
    await dataSource.query(`DELETE FROM matters`);
    await dataSource.query(`DELETE FROM departments`);
  });

  // Before, a member of staff had one department; they keep it as the first of their departments, and back again.
  it('carries each member of staff’s department into their departments, and back', async () => {
    const later = allMigrations.length - allMigrations.indexOf(Organisation1797400000000);
    const undo = async () => {
      for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    };
    await undo();
    const [{ id: department }] = await dataSource.query(`INSERT INTO departments (code, name) VALUES ('LCJ', '市林业和草原局') RETURNING id`);
    await dataSource.query(`INSERT INTO users (username, display_name, password_hash, roles, department_id) VALUES ('window1', '窗口', 'x', '{window_staff}', $1)`, [department]);

    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.query(`SELECT code, level, parent_id FROM departments`)).toEqual([{ code: 'LCJ', level: 'city', parent_id: null }]);
    expect(await dataSource.query(`SELECT u.username, s.department_id FROM staff_departments s JOIN users u ON u.id = s.user_id`)).toEqual([{ username: 'window1', department_id: department }]);
    const [{ id: user }] = await dataSource.query(`INSERT INTO users (username, display_name, roles) VALUES ('new-staff', '新同事', '{reviewer}') RETURNING id`);
    await dataSource.query(`INSERT INTO staff_departments (user_id, department_id) VALUES ($1, $2)`, [user, department]);

    await undo();
    // An account with no password yet keeps one nobody can log in with.
    expect(await dataSource.query(`SELECT username, password_hash, department_id FROM users ORDER BY username`)).toEqual([
      { username: 'new-staff', password_hash: '!', department_id: department },
      { username: 'window1', password_hash: 'x', department_id: department },
    ]);
    await dataSource.query(`DELETE FROM users`);
    await dataSource.query(`DELETE FROM departments`);
    await dataSource.runMigrations({ transaction: 'each' });
  });

  it('gives matters stored before administration the kind of their process’s active version, and publishes them', async () => {
    // Back to before the guides grew, whose columns a bare matter row could not fill in.
    const later = allMigrations.length - allMigrations.indexOf(ServiceGuides1796700000000);
    expect(allMigrations.indexOf(MatterAdministration1797500000000)).toBeGreaterThan(allMigrations.indexOf(ServiceGuides1796700000000));
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [{ id: department }] = await dataSource.query(`INSERT INTO departments (code, name) VALUES ('ZRZY', '市自然资源局') RETURNING id`);
    await dataSource.query(
      `INSERT INTO process_definitions (key, version, name, kind, xml, sha256, source, active)
       VALUES ('joint-planning', 1, '联合审批', 'standard', '<x/>', 'a', 'upload', false), ('joint-planning', 2, '联合审批', 'parallel', '<x/>', 'b', 'upload', true)`,
    );
    await dataSource.query(
      `INSERT INTO matters (code, name, department_id, process_key, legal_basis, conditions, legal_limit_days, promised_limit_days, limit_unit, fees, warning_working_days)
       VALUES ('ZRZY-XK-009', '某事项', $1, 'joint-planning', '依据', '条件', 20, 10, 'working_days', '不收费', 3)`,
      [department],
    );
    await dataSource.runMigrations({ transaction: 'each' });
    expect(await dataSource.query(`SELECT code, status, kind FROM matters`)).toEqual([{ code: 'ZRZY-XK-009', status: 'published', kind: 'parallel' }]);
    await expect(dataSource.query(`UPDATE matters SET status = 'archived'`)).rejects.toThrow(/ck_matters_status/);
    await dataSource.query(`DELETE FROM matters`);
    await dataSource.query(`DELETE FROM process_definitions`);
    await dataSource.query(`DELETE FROM departments`);
  });

  // Clocks stored before the board get their case's matter and department and the to-do stage of its earliest open task.
  it('gives the clocks stored before supervision what the board filters on', async () => {
    const later = allMigrations.length - allMigrations.indexOf(ServiceGuides1796700000000);
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    const [{ id: department }] = await dataSource.query(`INSERT INTO departments (code, name) VALUES ('LCJ', '市林业和草原局') RETURNING id`);
    const [{ id: matter }] = await dataSource.query(
      `INSERT INTO matters (code, name, department_id, process_key, legal_basis, conditions, legal_limit_days, promised_limit_days, limit_unit, fees, warning_working_days)
       VALUES ('LCJ-XK-001', '某事项', $1, 'standard-licensing', '依据', '条件', 20, 10, 'working_days', '不收费', 3) RETURNING id`,
      [department],
    );
    const [{ id: process }] = await dataSource.query(
      `INSERT INTO process_definitions (key, version, name, kind, xml, sha256, source, active) VALUES ('standard-licensing', 1, '许可', 'standard', '<x/>', 'a', 'upload', true) RETURNING id`,
    );
    const [{ id: applicant }] = await dataSource.query(`INSERT INTO users (username, display_name, password_hash, roles) VALUES ('a1', '张三', 'x', '{applicant}') RETURNING id`);
    const newCase = async (number: string, round: number) =>
      (await dataSource.query(
        `INSERT INTO cases (case_number, query_code, matter_id, process_definition_id, applicant_id, applicant_organisation, project_name, legal_representative,
                            organisation_phone, handler_name, handler_phone, stage, stage_name, status, version, submission_round)
         VALUES ($1, $1, $2, $3, $4, '某公司', $1, '王五', '0471', '赵六', '138', 'acceptance', '受理', 'open', 1, $5) RETURNING id`,
        [number, matter, process, applicant, round],
      ))[0].id as string;
    const supplemented = await newCase('C-1', 2);
    const waiting = await newCase('C-2', 1);
    for (const caseId of [supplemented, waiting]) {
      await dataSource.query(
        `INSERT INTO case_clocks (case_id, legal_limit_days, promised_limit_days, warning_days, limit_unit, deemed_accepted, pause_overrun, paused_days, extension_days, extension_allowance_days, alert, updated_at)
         VALUES ($1, 20, 10, 3, 'working_days', false, false, 0, 0, 10, 'green', now())`,
        [caseId],
      );
    }
    await dataSource.query(
      `INSERT INTO case_tasks (case_id, element_id, name, role, actions, stages, opened_at, closed_at) VALUES
         ($1, 'review', '审查', 'reviewer', '{approve}', '{review}', now() - interval '1 hour', now()),
         ($1, 'supplementAcceptance', '补交受理', 'window_staff', '{accept}', '{acceptance}', now(), NULL),
         ($2, 'review', '审查', 'reviewer', '{approve}', '{review}', now(), now())`,
      [supplemented, waiting],
    );

    await dataSource.runMigrations({ transaction: 'each' });
    const clocks = await dataSource.query(`SELECT case_id, matter_id, department_id, todo_stage, urge_count, last_urged_at FROM case_clocks ORDER BY todo_stage NULLS LAST`);
    expect(clocks).toEqual([
      { case_id: supplemented, matter_id: matter, department_id: department, todo_stage: 'supplementAcceptance', urge_count: 0, last_urged_at: null },
      { case_id: waiting, matter_id: matter, department_id: department, todo_stage: null, urge_count: 0, last_urged_at: null },
    ]);
    const boardIndexes = await dataSource.query(`SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ix_case_clocks_board%' ORDER BY indexname`);
    expect(boardIndexes.map((index: { indexname: string }) => index.indexname)).toEqual([
      'ix_case_clocks_board', 'ix_case_clocks_board_department', 'ix_case_clocks_board_matter', 'ix_case_clocks_board_stage', 'ix_case_clocks_board_urged',
    ]);
    for (const { indexdef } of boardIndexes) expect(indexdef).toMatch(/INCLUDE \(alert, urge_count\) WHERE \(+alert\)?::text = ANY/);
    for (const table of ['case_tasks', 'case_clocks', 'cases', 'matters', 'process_definitions', 'users', 'departments']) await dataSource.query(`DELETE FROM ${table}`);
  });

  it('numbers and hashes the entries already stored into one chain, and from then on refuses to change them', async () => {
    const later = allMigrations.length - allMigrations.indexOf(AuditChain1798000000000);
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    // In id order, whatever their times; with no case and no account left (the foreign keys go).
    for (const [action, at] of [['create', '2026-03-02T01:00:00.123Z'], ['submit', '2026-03-01T01:00:00Z'], ['calendar.day_set', '2026-03-03T01:00:00Z']]) {
      await dataSource.query(
        `INSERT INTO audit_entries (action, actor_name, actor_role, details, at) VALUES ($1, '张三', 'applicant', '{"b": 1, "a": [true, null, "文"]}', $2)`,
        [action, at],
      );
    }
    await dataSource.runMigrations({ transaction: 'each' });

    expect(await dataSource.query(`SELECT action, seq::int FROM audit_entries ORDER BY id`)).toEqual([
      { action: 'create', seq: 1 }, { action: 'submit', seq: 2 }, { action: 'calendar.day_set', seq: 3 },
    ]);
    expect(await verifyChain((sql, parameters) => dataSource.query(sql, parameters))).toMatchObject({ ok: true, checked: 3, lastSeq: 3, problems: [] });
    await expect(dataSource.query(`UPDATE audit_entries SET comment = 'x'`)).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(dataSource.query(`DELETE FROM audit_entries`)).rejects.toThrow(/append-only: DELETE refused/);
    await expect(dataSource.query(`TRUNCATE audit_entries`)).rejects.toThrow(/append-only: TRUNCATE refused/);
    await expect(dataSource.query(`INSERT INTO audit_chain_head (id, last_seq, last_hash) VALUES (2, 0, $1)`, ['0'.repeat(64)])).rejects.toThrow(/ck_audit_chain_head_one_row/);
    await expect(dataSource.query(`INSERT INTO audit_entries (action, actor_name, actor_role, at) VALUES ('x', 'x', 'x', now())`)).rejects.toThrow(/seq/);

    // Taken down, the trail may be emptied again.
    for (let i = 0; i < later; i++) await dataSource.undoLastMigration({ transaction: 'each' });
    await dataSource.query(`DELETE FROM audit_entries`);
    await dataSource.runMigrations({ transaction: 'each' });
  });
});

describe('both engines', () => {
  it('end with the same tables and columns', () => {
    expect(Object.keys(schemas)).toHaveLength(2);
    const [a, b] = Object.values(schemas);
    expect(a).toEqual(b);
  });
});
