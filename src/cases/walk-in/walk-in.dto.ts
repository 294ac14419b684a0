import { ApiProperty } from '@nestjs/swagger';
import { IsIn, ValidateIf } from 'class-validator';
import { CreditCode, IdNumber, IdType } from '../../identity/account-fields.js';
import type { IdDocumentType } from '../../identity/id-documents.js';
import { CreateCaseDto } from '../case.dto.js';

export const APPLICANT_KINDS = ['person', 'organisation'] as const;

/**
 * 窗口受理: the basic information of a filing, and who the applicant is — a person by their ID document, an
 * organisation by its unified social credit code — so that the case reaches their account if they have one.
 */
export class WalkInCaseDto extends CreateCaseDto {
  @ApiProperty({ enum: APPLICANT_KINDS, description: '申请人类型 The applicant: a person or an organisation' })
  @IsIn(APPLICANT_KINDS, { message: `applicantKind must be one of: ${APPLICANT_KINDS.join(', ')}` })
  applicantKind: (typeof APPLICANT_KINDS)[number];

  @ValidateIf((dto: WalkInCaseDto) => dto.applicantKind === 'person')
  @IdType('idType')
  idType?: IdDocumentType;

  @ValidateIf((dto: WalkInCaseDto) => dto.applicantKind === 'person')
  @IdNumber('idNumber', 'idType')
  idNumber?: string;

  @ValidateIf((dto: WalkInCaseDto) => dto.applicantKind === 'organisation')
  @CreditCode('creditCode')
  creditCode?: string;
}
