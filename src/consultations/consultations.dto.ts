import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../common/page-query.js';
import { Trimmed, TrimmedText } from '../common/trim.js';
import { CONSULTATION_KINDS, type ConsultationKind } from './consultation.entity.js';

const SUBJECT_LENGTH = { min: 2, max: 100 };
const BODY_LENGTH = { min: 5, max: 2000 };
const ANSWER_LENGTH = { min: 2, max: 4000 };

export class WriteConsultationDto {
  @ApiProperty({ enum: CONSULTATION_KINDS, description: 'consultation 咨询 | complaint 投诉' })
  @IsIn(CONSULTATION_KINDS, { message: `kind must be one of: ${CONSULTATION_KINDS.join(', ')}` })
  kind: ConsultationKind;

  @ApiProperty({ example: 'LCJ', description: '受理部门编码 The code of the department it is addressed to (GET /api/matters shows each matter’s department)' })
  @Trimmed()
  @IsString()
  @Length(1, 64)
  departmentCode: string;

  @ApiPropertyOptional({ format: 'uuid', description: '所涉事项 The matter it is about' })
  @IsOptional()
  @IsUUID('all', { message: 'matterId must be the id of a matter' })
  matterId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: '所涉办件 One of your own submitted cases it is about' })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be the id of one of your cases' })
  caseId?: string;

  @ApiProperty({ example: '临时占用草原的期限如何计算？', minLength: SUBJECT_LENGTH.min, maxLength: SUBJECT_LENGTH.max })
  @Trimmed()
  @IsString()
  @Length(SUBJECT_LENGTH.min, SUBJECT_LENGTH.max)
  subject: string;

  @ApiProperty({ description: '内容 The question or the complaint; line breaks are kept', minLength: BODY_LENGTH.min, maxLength: BODY_LENGTH.max })
  @TrimmedText()
  @IsString()
  @Length(BODY_LENGTH.min, BODY_LENGTH.max)
  body: string;
}

export class AnswerConsultationDto {
  @ApiProperty({ description: '答复 The department’s answer, sent to the applicant; line breaks are kept', minLength: ANSWER_LENGTH.min, maxLength: ANSWER_LENGTH.max })
  @TrimmedText()
  @IsString()
  @Length(ANSWER_LENGTH.min, ANSWER_LENGTH.max)
  answer: string;
}

export const CONSULTATION_STATUSES = ['open', 'answered'] as const;

export class ConsultationListQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: CONSULTATION_STATUSES, description: 'open 待答复 | answered 已答复; both when absent' })
  @IsOptional()
  @IsIn(CONSULTATION_STATUSES, { message: `status must be one of: ${CONSULTATION_STATUSES.join(', ')}` })
  status?: (typeof CONSULTATION_STATUSES)[number];

  @ApiPropertyOptional({ enum: CONSULTATION_KINDS, description: 'consultation 咨询 | complaint 投诉; both when absent' })
  @IsOptional()
  @IsIn(CONSULTATION_KINDS, { message: `kind must be one of: ${CONSULTATION_KINDS.join(', ')}` })
  kind?: ConsultationKind;
}
