import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcessKind } from '../processes/engine/tongban-moddle.js';
import type { CaseType, ExerciseLevel, HandlingForm, MatterType, PickupMethod, ResultType, ServiceObject } from './guide-codes.js';

export type LimitUnit = 'working_days' | 'calendar_days';

export const MATTER_STATUS_VALUES = ['draft', 'published', 'withdrawn'] as const;
export type MatterStatus = (typeof MATTER_STATUS_VALUES)[number];

/** A frequently asked question of a matter (常见问题) and its answer. */
export interface Faq {
  question: string;
  answer: string;
}

/** An approval matter (事项) and its service guide (办事指南): the elements Art. 30 of the Licensing Law requires published. */
@Entity({ name: 'matters' })
export class Matter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 实施编码: provincial codes run long (GB/T 39554.1), so the column is wide and unvalidated in length. */
  @Column({ length: 64, unique: true })
  code: string;

  @Column()
  name: string;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  /** Key of the BPMN process (in `workflows/`) that new cases of this matter run. */
  @Column({ name: 'process_key' })
  processKey: string;

  /** How the matter is handled; its process's `tongban:kind` must be the same. */
  @Column({ type: 'varchar' })
  kind: ProcessKind;

  /** Draft until an administrator publishes it; withdrawn when it stops taking applications (cases filed keep running). */
  @Column({ type: 'varchar' })
  status: MatterStatus;

  @Column({ name: 'matter_type', type: 'varchar' })
  matterType: MatterType;

  @Column({ name: 'exercise_level', type: 'varchar' })
  exerciseLevel: ExerciseLevel;

  @Column('text', { name: 'service_objects', array: true })
  serviceObjects: ServiceObject[];

  @Column({ name: 'case_type', type: 'varchar' })
  caseType: CaseType;

  /** 设定依据: the law or regulation and its articles. */
  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  /** 受理条件. */
  @Column({ type: 'text' })
  conditions: string;

  /** 数量限制: a cap on how many licences are granted, or that there is none. */
  @Column({ name: 'quantity_limit', type: 'text' })
  quantityLimit: string;

  @Column({ name: 'legal_limit_days', type: 'int' })
  legalLimitDays: number;

  @Column({ name: 'promised_limit_days', type: 'int' })
  promisedLimitDays: number;

  /** The unit of both limits: working days (Art. 82), or calendar days (自然日) where a law says so. */
  @Column({ name: 'limit_unit', type: 'varchar' })
  limitUnit: LimitUnit;

  /** 收费标准, or that nothing is charged. */
  @Column({ type: 'text' })
  fees: string;

  @Column({ name: 'charges_fee' })
  chargesFee: boolean;

  /** 收费依据: required when a fee is charged, since only a law or administrative regulation may set one (Art. 58). */
  @Column({ name: 'fee_basis', type: 'text', nullable: true })
  feeBasis: string | null;

  @Column({ name: 'online_payment' })
  onlinePayment: boolean;

  @Column('text', { name: 'handling_forms', array: true })
  handlingForms: HandlingForm[];

  /** 网上办理深度: codes 1–7 (see ONLINE_SERVICE_DEPTHS); the Ⅰ–Ⅳ level is derived from them. */
  @Column('int', { name: 'online_service_depth', array: true })
  onlineServiceDepth: number[];

  /** 是否支持预约办理. */
  @Column({ name: 'appointment_available' })
  appointmentAvailable: boolean;

  /** 到办事现场次数 (最多跑一次: 0 or 1), and why the applicant must come when it is more than 0. */
  @Column({ name: 'site_visits', type: 'int' })
  siteVisits: number;

  @Column({ name: 'site_visit_reason', type: 'text', nullable: true })
  siteVisitReason: string | null;

  @Column({ name: 'result_type', type: 'varchar' })
  resultType: ResultType;

  /** 审批结果名称, e.g. the name of the licence issued. */
  @Column({ name: 'result_name', type: 'text' })
  resultName: string;

  @Column({ name: 'issues_electronic_licence' })
  issuesElectronicLicence: boolean;

  /** 领取方式 and 领取地点. */
  @Column('text', { name: 'pickup_methods', array: true })
  pickupMethods: PickupMethod[];

  @Column({ name: 'pickup_place', type: 'text' })
  pickupPlace: string;

  /** 办理地点 and 办理时间. */
  @Column({ name: 'handling_place', type: 'text' })
  handlingPlace: string;

  @Column({ name: 'handling_hours', type: 'text' })
  handlingHours: string;

  /** 咨询电话 and 监督投诉电话, which must differ. */
  @Column({ name: 'consultation_phone', type: 'varchar' })
  consultationPhone: string;

  @Column({ name: 'complaint_phone', type: 'varchar' })
  complaintPhone: string;

  @Column({ type: 'jsonb' })
  faqs: Faq[];

  /** From how many working days before the promised deadline an open case shows yellow. */
  @Column({ name: 'warning_working_days', type: 'int' })
  warningWorkingDays: number;
}
