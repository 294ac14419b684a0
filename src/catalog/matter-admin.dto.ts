import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { PROCESS_KINDS, type ProcessKind } from '../processes/engine/tongban-moddle.js';
import { CatalogQueryDto } from './catalog-query.dto.js';
import { Code, CodeList, Flag, OptionalText, PhoneText, Text, UpperCaseCode, WholeNumber } from './field-decorators.js';
import {
  CASE_TYPES, type CaseType, EXERCISE_LEVELS, type ExerciseLevel, HANDLING_FORMS, type HandlingForm, LIMIT_UNITS, MATTER_KINDS, MATTER_STATUSES,
  MATTER_TYPES, type MatterType, ONLINE_SERVICE_DEPTHS, PICKUP_METHODS, type PickupMethod, RESULT_TYPES, type ResultType, SERVICE_OBJECTS, type ServiceObject,
} from './guide-codes.js';
import type { LimitUnit, MatterStatus } from './matter.entity.js';

const DEPTH_CODES = Object.keys(ONLINE_SERVICE_DEPTHS).map(Number);

/** 常见问题: one question and its answer. */
export class FaqDto {
  @Text('question', 1, 500, { description: '问题 Question', example: '临时占用草原的期限最长是多久？' })
  question: string;

  @Text('answer', 1, 5000, { description: '解答 Answer', example: '不得超过二年。' }, { multiline: true })
  answer: string;
}

/**
 * A matter with every element of its service guide (办事指南), as an administrator creates it. The rules
 * between fields (promised ≤ legal limit, a fee needs its basis…) and the department and process it
 * names are checked by MatterRules once these pass.
 */
export class MatterDto {
  @UpperCaseCode('code', 64, { description: '实施编码 Implementation code, unique (kept upper-case)', example: 'LCJ-XK-002' })
  code: string;

  @Text('name', 1, 200, { description: '事项名称 Name', example: '草原征占用审核' })
  name: string;

  @ApiProperty({ description: '实施主体 Department (an id from GET /api/departments)', format: 'uuid' })
  @IsUUID('all', { message: 'departmentId must be the id of a department (GET /api/departments lists them)' })
  departmentId: string;

  @ApiProperty({ enum: PROCESS_KINDS, description: '办理类型 Kind of handling; the process must be of the same tongban:kind' })
  @IsIn(PROCESS_KINDS, { message: `kind must be one of: ${PROCESS_KINDS.join(', ')} (${Object.values(MATTER_KINDS).join('; ')})` })
  kind: ProcessKind;

  @Text('processKey', 1, 200, { description: '流程 Key of the process its cases run (GET /api/processes)', example: 'standard-licensing' })
  processKey: string;

  @Code('matterType', MATTER_TYPES, { description: '事项类型 GB/T 39046 A.1' })
  matterType: MatterType;

  @Code('exerciseLevel', EXERCISE_LEVELS, { description: '行使层级 GB/T 39046 A.2' })
  exerciseLevel: ExerciseLevel;

  @CodeList('serviceObjects', Object.keys(SERVICE_OBJECTS), 1, { description: '服务对象 GB/T 39046 A.4' })
  serviceObjects: ServiceObject[];

  @Code('caseType', CASE_TYPES, { description: '办件类型 GB/T 39046 A.6: instant (即办件) exactly when the kind is instant' })
  caseType: CaseType;

  @Text('legalBasis', 1, 10_000, { description: '设定依据 The law or regulation and its articles' }, { multiline: true })
  legalBasis: string;

  @Text('conditions', 1, 10_000, { description: '受理条件 Conditions of acceptance' }, { multiline: true })
  conditions: string;

  @Text('quantityLimit', 1, 1000, { description: '数量限制 Quantity limit, or that there is none', example: '无数量限制' }, { multiline: true })
  quantityLimit: string;

  @WholeNumber('legalLimitDays', 1, 365, { description: '法定办结时限 Legal time limit, in limitUnit', example: 20 })
  legalLimitDays: number;

  @WholeNumber('promisedLimitDays', 0, 365, { description: '承诺办结时限 Promised time limit, at most the legal one', example: 10 })
  promisedLimitDays: number;

  @Code('limitUnit', LIMIT_UNITS, { description: '时限单位 Unit of both limits: working days (Art. 82), or calendar days where a law says so' })
  limitUnit: LimitUnit;

  @WholeNumber('warningWorkingDays', 1, 30, { description: '预警 Working days before the promised deadline from which a case shows yellow', example: 3 })
  warningWorkingDays: number;

  @Text('fees', 1, 2000, { description: '收费标准 Fees, or that nothing is charged', example: '不收费' }, { multiline: true })
  fees: string;

  @Flag('chargesFee', { description: '是否收费 Whether a fee is charged' })
  chargesFee: boolean;

  @OptionalText('feeBasis', 2000, { description: '收费依据 Legal basis of the fee: required when a fee is charged (Art. 58)' })
  feeBasis?: string | null;

  @Flag('onlinePayment', { description: '是否支持网上支付 Online payment: only where a fee is charged' })
  onlinePayment: boolean;

  @CodeList('handlingForms', Object.keys(HANDLING_FORMS), 1, { description: '办理形式 GB/T 39046 A.5' })
  handlingForms: HandlingForm[];

  @ApiProperty({ description: '网上办理深度 Online service depth codes 1–7 (may be empty)', type: [Number], example: [1, 2, 3, 4, 6] })
  @IsArray({ message: 'onlineServiceDepth must be a list' })
  @ArrayMaxSize(DEPTH_CODES.length, { message: `onlineServiceDepth must have at most ${DEPTH_CODES.length} codes` })
  @ArrayUnique({ message: 'onlineServiceDepth must not repeat a code' })
  @IsInt({ each: true, message: 'onlineServiceDepth must each be a whole number from 1 to 7' })
  @Min(1, { each: true, message: 'onlineServiceDepth must each be a whole number from 1 to 7' })
  @Max(7, { each: true, message: 'onlineServiceDepth must each be a whole number from 1 to 7' })
  onlineServiceDepth: number[];

  @Flag('appointmentAvailable', { description: '是否支持预约办理 Appointments available' })
  appointmentAvailable: boolean;

  @WholeNumber('siteVisits', 0, 10, { description: '到办事现场次数 Visits to the site (最多跑一次: 0 or 1)', example: 0 })
  siteVisits: number;

  @OptionalText('siteVisitReason', 1000, { description: '必须现场办理原因 Why the applicant must come: required when siteVisits > 0' })
  siteVisitReason?: string | null;

  @Code('resultType', RESULT_TYPES, { description: '审批结果类型 Type of result' })
  resultType: ResultType;

  @Text('resultName', 1, 200, { description: '审批结果名称 Name of the result', example: '临时占用草原审核同意书' })
  resultName: string;

  @Flag('issuesElectronicLicence', { description: '是否发放电子证照 Whether an electronic licence is issued' })
  issuesElectronicLicence: boolean;

  @CodeList('pickupMethods', Object.keys(PICKUP_METHODS), 1, { description: '领取方式 How the result is received' })
  pickupMethods: PickupMethod[];

  @Text('pickupPlace', 1, 1000, { description: '领取地点 Where the result is received' }, { multiline: true })
  pickupPlace: string;

  @Text('handlingPlace', 1, 1000, { description: '办理地点 Where it is handled' }, { multiline: true })
  handlingPlace: string;

  @Text('handlingHours', 1, 1000, { description: '办理时间 When it is handled' }, { multiline: true })
  handlingHours: string;

  @PhoneText('consultationPhone', { description: '咨询电话 Consultation phone', example: '0471-4602318' })
  consultationPhone: string;

  @PhoneText('complaintPhone', { description: '监督投诉电话 Complaint phone, other than the consultation phone', example: '0471-12345' })
  complaintPhone: string;

  @ApiProperty({ description: '常见问题 Frequently asked questions (may be empty)', type: [FaqDto] })
  @IsArray({ message: 'faqs must be a list' })
  @ArrayMaxSize(50, { message: 'faqs must have at most 50 questions' })
  @ValidateNested({ each: true })
  @Type(() => FaqDto)
  faqs: FaqDto[];
}

/** An edit: any of the fields, the others unchanged; null only clears what may be empty (feeBasis, siteVisitReason). */
export class UpdateMatterDto extends PartialType(MatterDto, { skipNullProperties: false }) {}

/** The administrators' listing: the catalogue's filters, plus the status. */
export class AdminMatterQuery extends CatalogQueryDto {
  @ApiPropertyOptional({ enum: Object.keys(MATTER_STATUSES), description: '状态 Only matters with this status' })
  @IsOptional()
  @IsIn(Object.keys(MATTER_STATUSES), { message: `status must be one of: ${Object.keys(MATTER_STATUSES).join(', ')}` })
  status?: MatterStatus;
}

export class WithdrawMatterDto {
  @Text('reason', 1, 500, { description: '撤回原因 Why the matter stops taking applications', example: '该事项已划转至市行政审批局办理' })
  reason: string;
}
