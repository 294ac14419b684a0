import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Trimmed } from '../common/trim.js';
import { PickupRecordDto, PostalDeliveryDto } from './delivery/delivery.dto.js';
import { SPECIAL_PROCEDURE_KINDS } from './legal-clock/special-procedures.js';

// A mainland mobile number, or a landline with its area code (optionally an extension).
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const PHONE_MESSAGE = (field: string) => `${field} must be a mobile number (11 digits) or a landline with area code, such as 0471-6945123`;

export class CreateCaseDto {
  @ApiProperty({ description: '事项 Matter id' })
  @IsUUID('all', { message: 'matterId must be a UUID' })
  matterId: string;

  @ApiProperty({ example: '呼和浩特市某某牧业有限公司', description: '申请单位 Applicant organisation' })
  @Trimmed()
  @IsString()
  @Length(2, 200)
  applicantOrganisation: string;

  @ApiProperty({ example: '某某风电场临时道路', description: '项目名称 Project name' })
  @Trimmed()
  @IsString()
  @Length(2, 200)
  projectName: string;

  @ApiProperty({ example: '王五', description: '法定代表人 Legal representative' })
  @Trimmed()
  @IsString()
  @Length(1, 50)
  legalRepresentative: string;

  @ApiProperty({ example: '0471-6945123', description: '单位电话 Organisation phone' })
  @Trimmed()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE('organisationPhone') })
  organisationPhone: string;

  @ApiProperty({ example: '赵六', description: '经办人 Handler' })
  @Trimmed()
  @IsString()
  @Length(1, 50)
  handlerName: string;

  @ApiProperty({ example: '13800000000', description: '经办人电话 Handler phone' })
  @Trimmed()
  @IsString()
  @Matches(PHONE, { message: PHONE_MESSAGE('handlerPhone') })
  handlerPhone: string;
}

/** Only the basic information of a filing, from a request that carries more or from a case to be filed again. */
export const basicInformationOf = ({ matterId, applicantOrganisation, projectName, legalRepresentative, organisationPhone, handlerName, handlerPhone }: CreateCaseDto): CreateCaseDto => ({
  matterId, applicantOrganisation, projectName, legalRepresentative, organisationPhone, handlerName, handlerPhone,
});

export class SpecialProcedureDto {
  @ApiProperty({ description: '特别程序种类 Kind of special procedure', enum: SPECIAL_PROCEDURE_KINDS })
  @IsIn(SPECIAL_PROCEDURE_KINDS)
  kind: string;

  @ApiProperty({ description: '预计所需工作日 Expected length in working days, told to the applicant', example: 10 })
  @IsInt()
  @Min(1)
  @Max(250)
  expectedWorkingDays: number;
}

/** One defect of a one-time supplementation notice (一次性补正告知). */
export class SupplementItemDto {
  @ApiPropertyOptional({ description: '材料项 The material item concerned; absent for a defect of the filing as a whole', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'requiredMaterialId must be the id of a material item of the matter' })
  requiredMaterialId?: string;

  @ApiProperty({ description: '问题与补正要求 What is wrong and what to supply', example: '补偿协议缺少草原使用者签章，请补交签章完整的原件扫描件' })
  @IsString()
  @Length(1, 1000)
  problem: string;
}

export class TransitionDto {
  @ApiPropertyOptional({
    description: '命令编号 Command id: repeat a request with the same id and it is carried out once. Generated when absent.',
    example: '0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a90',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'commandId must be 8–64 letters, digits, hyphens or underscores' })
  commandId?: string;

  @ApiPropertyOptional({ description: '环节 The open task meant (its element id), where several offer the action', example: 'coReviewForestry' })
  @IsOptional()
  @Matches(/^[A-Za-z_][\w.-]{0,199}$/, { message: 'taskId must be the element id of an open task' })
  taskId?: string;

  @ApiPropertyOptional({ description: '特别程序 With startSpecialProcedure: which, and how long it is expected to take', type: SpecialProcedureDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SpecialProcedureDto)
  specialProcedure?: SpecialProcedureDto;

  @ApiPropertyOptional({ description: '补正项目 With requestSupplement: every defect, item by item', type: [SupplementItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SupplementItemDto)
  supplementItems?: SupplementItemDto[];

  @ApiPropertyOptional({ description: '邮寄送达 With deliver: carrier, tracking number, address', type: PostalDeliveryDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PostalDeliveryDto)
  postal?: PostalDeliveryDto;

  @ApiPropertyOptional({ description: '领取登记 With pickUp: who collected the result', type: PickupRecordDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PickupRecordDto)
  pickup?: PickupRecordDto;

  @ApiPropertyOptional({ description: '有权机关 With refuse: the authority to apply to, where the matter is not ours', example: '市自然资源局' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(2, 100)
  competentAuthority?: string;

  @ApiPropertyOptional({ description: '意见 Comment', example: '材料齐全，符合法定形式' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  comment?: string;
}

/** A draft's basic information, any part of it; the matter is fixed once the draft exists. */
export class UpdateDraftDto extends PartialType(OmitType(CreateCaseDto, ['matterId'] as const)) {}

export class ListCasesQuery {
  @ApiPropertyOptional({ description: 'draft 已保存办件 (not submitted) or submitted 已申报办件', enum: ['draft', 'submitted'] })
  @IsOptional()
  @IsIn(['draft', 'submitted'])
  state?: 'draft' | 'submitted';
}

export class WithdrawDto {
  @ApiProperty({ description: '撤回理由 Why the application is withdrawn', example: '项目选址调整，撤回本次申请' })
  @Trimmed()
  @IsString()
  @Length(1, 500)
  reason: string;
}
