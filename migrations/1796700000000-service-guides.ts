import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEMO_DEPARTMENTS, type GuideElements } from '../src/seed/demo-centre.js';

/**
 * The whole service guide (办事指南) of a matter, as GB/T 39046 and the provincial implementation lists have
 * it: type, level, service objects, quantity limit, fee basis, handling forms, online service depth, visits
 * to the site, the result and how it is received, where and when, consultation and complaint phones, FAQs;
 * per required material its source, issuer, form and filling notes; and the blank forms (空白表格) kept in
 * object storage. Matters already in the database get the demo centre's values (they can only have come
 * from the demo seeder); any other matter gets neutral values marked 待补充 for its department to complete.
 */
export class ServiceGuides1796700000000 implements MigrationInterface {
  name = 'ServiceGuides1796700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE matters
        ADD COLUMN matter_type varchar NOT NULL DEFAULT 'administrative_licence' CONSTRAINT ck_matters_matter_type CHECK (matter_type IN (
          'administrative_licence', 'administrative_confirmation', 'administrative_payment', 'administrative_ruling',
          'administrative_reward', 'administrative_expropriation', 'other_power', 'public_service')),
        ADD COLUMN exercise_level varchar NOT NULL DEFAULT 'municipal' CONSTRAINT ck_matters_exercise_level CHECK (exercise_level IN (
          'national', 'provincial', 'municipal', 'county', 'township', 'village', 'tiered')),
        ADD COLUMN service_objects text[] NOT NULL DEFAULT '{natural_person,enterprise_legal_person}'
          CONSTRAINT ck_matters_service_objects CHECK (cardinality(service_objects) > 0 AND service_objects <@ ARRAY[
            'natural_person', 'enterprise_legal_person', 'public_institution_legal_person', 'social_organisation_legal_person',
            'administrative_organ', 'other_organisation']::text[]),
        ADD COLUMN case_type varchar NOT NULL DEFAULT 'commitment' CONSTRAINT ck_matters_case_type CHECK (case_type IN ('instant', 'commitment')),
        ADD COLUMN quantity_limit text NOT NULL DEFAULT '无数量限制',
        ADD COLUMN charges_fee boolean NOT NULL DEFAULT false,
        ADD COLUMN fee_basis text,
        ADD COLUMN online_payment boolean NOT NULL DEFAULT false,
        ADD COLUMN handling_forms text[] NOT NULL DEFAULT '{window}'
          CONSTRAINT ck_matters_handling_forms CHECK (cardinality(handling_forms) > 0 AND handling_forms <@ ARRAY[
            'window', 'online_pc', 'online_mobile', 'courier']::text[]),
        ADD COLUMN online_service_depth int[] NOT NULL DEFAULT '{1}'
          CONSTRAINT ck_matters_online_service_depth CHECK (online_service_depth <@ ARRAY[1, 2, 3, 4, 5, 6, 7]),
        ADD COLUMN appointment_available boolean NOT NULL DEFAULT false,
        ADD COLUMN site_visits int NOT NULL DEFAULT 1 CONSTRAINT ck_matters_site_visits CHECK (site_visits >= 0),
        ADD COLUMN site_visit_reason text DEFAULT '待补充',
        ADD COLUMN result_type varchar NOT NULL DEFAULT 'other' CONSTRAINT ck_matters_result_type CHECK (result_type IN ('licence', 'document', 'approval', 'other')),
        ADD COLUMN result_name text NOT NULL DEFAULT '待补充',
        ADD COLUMN issues_electronic_licence boolean NOT NULL DEFAULT false,
        ADD COLUMN pickup_methods text[] NOT NULL DEFAULT '{window}'
          CONSTRAINT ck_matters_pickup_methods CHECK (cardinality(pickup_methods) > 0 AND pickup_methods <@ ARRAY['window', 'courier', 'electronic']::text[]),
        ADD COLUMN pickup_place text NOT NULL DEFAULT '待补充',
        ADD COLUMN handling_place text NOT NULL DEFAULT '待补充',
        ADD COLUMN handling_hours text NOT NULL DEFAULT '待补充',
        ADD COLUMN consultation_phone varchar NOT NULL DEFAULT '待补充',
        ADD COLUMN complaint_phone varchar NOT NULL DEFAULT '12345',
        ADD COLUMN faqs jsonb NOT NULL DEFAULT '[]' CONSTRAINT ck_matters_faqs_array CHECK (jsonb_typeof(faqs) = 'array'),
        -- Art. 58: a fee needs its legal basis; online payment only where something is paid.
        ADD CONSTRAINT ck_matters_fee_has_basis CHECK (NOT charges_fee OR fee_basis IS NOT NULL),
        ADD CONSTRAINT ck_matters_payment_needs_fee CHECK (charges_fee OR NOT online_payment),
        -- 最多跑一次: every visit to the site must be explained.
        ADD CONSTRAINT ck_matters_visit_has_reason CHECK (site_visits = 0 OR site_visit_reason IS NOT NULL),
        ADD CONSTRAINT ck_matters_complaint_phone_differs CHECK (complaint_phone <> consultation_phone)`);
    await db.query(`UPDATE matters SET case_type = 'instant' WHERE process_key = 'instant'`);
    for (const matter of DEMO_DEPARTMENTS.flatMap((department) => department.matters)) await fillMatter(db, matter.code, matter);
    const defaulted = ADDED_COLUMNS.filter((column) => column !== 'fee_basis');
    await db.query(`ALTER TABLE matters ${defaulted.map((column) => `ALTER COLUMN ${column} DROP DEFAULT`).join(', ')}`);

    await db.query(`
      ALTER TABLE required_materials
        ADD COLUMN source varchar NOT NULL DEFAULT 'applicant' CONSTRAINT ck_required_materials_source CHECK (source IN ('applicant', 'government', 'other')),
        ADD COLUMN issuer text,
        ADD COLUMN form varchar NOT NULL DEFAULT 'paper_and_electronic'
          CONSTRAINT ck_required_materials_form CHECK (form IN ('paper', 'electronic', 'paper_and_electronic')),
        ADD COLUMN filling_notes text,
        ADD CONSTRAINT ck_required_materials_electronic_has_no_paper CHECK (form <> 'electronic' OR (original_copies = 0 AND photocopies = 0))`);
    for (const matter of DEMO_DEPARTMENTS.flatMap((department) => department.matters)) {
      for (const item of matter.materials) {
        await db.query(
          `UPDATE required_materials r SET source = $3, issuer = $4, form = $5, filling_notes = $6, original_copies = $7, photocopies = $8
             FROM matters m WHERE r.matter_id = m.id AND m.code = $1 AND r.name = $2`,
          [matter.code, item.name, item.source, item.issuer, item.form, item.fillingNotes, item.originalCopies, item.photocopies],
        );
      }
    }
    await db.query(`ALTER TABLE required_materials ALTER COLUMN source DROP DEFAULT, ALTER COLUMN form DROP DEFAULT`);

    await db.query(`
      CREATE TABLE material_templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        required_material_id uuid NOT NULL REFERENCES required_materials(id) ON DELETE CASCADE
          CONSTRAINT uq_material_templates_item UNIQUE,
        file_name varchar NOT NULL,
        content_type varchar NOT NULL,
        size_bytes bigint NOT NULL CONSTRAINT ck_material_templates_size CHECK (size_bytes > 0),
        sha256 char(64) NOT NULL,
        storage_key varchar NOT NULL CONSTRAINT uq_material_templates_storage_key UNIQUE,
        uploaded_by uuid REFERENCES users(id),
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE material_templates`);
    await db.query(`
      ALTER TABLE required_materials
        DROP CONSTRAINT ck_required_materials_electronic_has_no_paper,
        DROP COLUMN source, DROP COLUMN issuer, DROP COLUMN form, DROP COLUMN filling_notes`);
    await db.query(`ALTER TABLE matters ${ADDED_COLUMNS.map((column) => `DROP COLUMN ${column}`).join(', ')}`);
  }
}

/** The guide's elements filled in for the demo matters, with the column each goes to (`fees` was there before). */
const MATTER_COLUMNS: Record<keyof GuideElements | 'fees', string> = {
  matterType: 'matter_type',
  exerciseLevel: 'exercise_level',
  serviceObjects: 'service_objects',
  caseType: 'case_type',
  quantityLimit: 'quantity_limit',
  fees: 'fees',
  chargesFee: 'charges_fee',
  feeBasis: 'fee_basis',
  onlinePayment: 'online_payment',
  handlingForms: 'handling_forms',
  onlineServiceDepth: 'online_service_depth',
  appointmentAvailable: 'appointment_available',
  siteVisits: 'site_visits',
  siteVisitReason: 'site_visit_reason',
  resultType: 'result_type',
  resultName: 'result_name',
  issuesElectronicLicence: 'issues_electronic_licence',
  pickupMethods: 'pickup_methods',
  pickupPlace: 'pickup_place',
  handlingPlace: 'handling_place',
  handlingHours: 'handling_hours',
  consultationPhone: 'consultation_phone',
  complaintPhone: 'complaint_phone',
  faqs: 'faqs',
};

const ADDED_COLUMNS = Object.values(MATTER_COLUMNS).filter((column) => column !== 'fees');

async function fillMatter(db: QueryRunner, code: string, guide: GuideElements & { fees: string }): Promise<void> {
  const entries = Object.entries(MATTER_COLUMNS) as [keyof typeof MATTER_COLUMNS, string][];
  const values = entries.map(([key]) => (key === 'faqs' ? JSON.stringify(guide.faqs) : guide[key]));
  const assignments = entries.map(([, column], i) => `${column} = $${i + 2}`).join(', ');
  await db.query(`UPDATE matters SET ${assignments} WHERE code = $1`, [code, ...values]);
}
