import { ApiHideProperty, ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { Trimmed } from '../common/trim.js';
import {
  Address, ClearableField, CreditCode, Email, IdNumber, IdType, Kind, Mobile, OptionalField, OrganisationName, Password, PersonName, Phone, Token,
  Unchangeable, Username,
} from './account-fields.js';
import type { IdDocumentType } from './id-documents.js';

/**
 * A registration without `kind`, as the first release took it: an applicant account with a login name, a
 * display name and a password. The person's details (ID document, mobile, e-mail) can be added later with
 * `PUT /api/identity/profile`; until then the profile says it is incomplete.
 */
export class RegisterApplicantDto {
  @Username()
  username: string;

  @ApiProperty({ example: '张三', description: '姓名或单位名称 Display name' })
  @Trimmed()
  @IsString()
  @Length(1, 100)
  displayName: string;

  @Password('password', 'username')
  password: string;
}

/** 自然人注册 A person registering to file for themselves. */
export class PersonRegistrationDto {
  @Kind('person')
  kind: 'person';

  @Username()
  username: string;

  @Password('password', 'username')
  password: string;

  @PersonName('name')
  name: string;

  @IdType('idType')
  idType: IdDocumentType;

  @IdNumber('idNumber', 'idType')
  idNumber: string;

  @Mobile('mobile')
  mobile: string;

  @Email('email')
  email: string;
}

/** 法人注册 An organisation registering: this first account becomes the organisation's administrator. */
export class OrganisationRegistrationDto {
  @Kind('organisation')
  kind: 'organisation';

  @Username()
  username: string;

  @Password('password', 'username')
  password: string;

  @OrganisationName('name')
  name: string;

  @CreditCode('creditCode')
  creditCode: string;

  @PersonName('legalRepresentativeName', '王五', '法定代表人姓名 Legal representative')
  legalRepresentativeName: string;

  @IdType('legalRepresentativeIdType')
  legalRepresentativeIdType: IdDocumentType;

  @IdNumber('legalRepresentativeIdNumber', 'legalRepresentativeIdType')
  legalRepresentativeIdNumber: string;

  @Address('address')
  address: string;

  @PersonName('contactName', '赵六', '联系人 Contact person')
  contactName: string;

  @Phone('contactPhone')
  contactPhone: string;

  @IsOptional()
  @Mobile('mobile', true)
  mobile?: string | null;

  @IsOptional()
  @Email('email', true)
  email?: string | null;
}

/** A colleague registering into an organisation with the invitation its administrator gave them: a person's fields and the token. */
export class OrganisationMemberRegistrationDto extends OmitType(PersonRegistrationDto, ['kind'] as const) {
  @Kind('organisation_member')
  kind: 'organisation_member';

  @Token('invitationToken', '邀请码 The invitation token from the organisation’s administrator')
  invitationToken: string;
}

export const REGISTRATION_KINDS = ['person', 'organisation', 'organisation_member'] as const;

/** A person's (or an organisation member's) own details: any of them, each checked as at registration. */
export class PersonProfileDto {
  @OptionalField()
  @PersonName('name')
  name?: string;

  /** Given together with idNumber (the service says so when one comes alone). */
  @OptionalField()
  @IdType('idType')
  idType?: IdDocumentType;

  @OptionalField()
  @IdNumber('idNumber', 'idType')
  idNumber?: string;

  @OptionalField()
  @Mobile('mobile')
  mobile?: string;

  @OptionalField()
  @Email('email')
  email?: string;
}

/** The organisation's details, edited by its administrator: any of them, each checked as at registration. */
export class OrganisationProfileDto {
  @OptionalField()
  @OrganisationName('name')
  name?: string;

  // Refused with its reason rather than as an unknown field.
  @ApiHideProperty()
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @Unchangeable('creditCode', 'it identifies the organisation; a different code is a different organisation, which registers anew')
  creditCode?: string;

  @OptionalField()
  @PersonName('legalRepresentativeName', '王五', '法定代表人姓名 Legal representative')
  legalRepresentativeName?: string;

  /** Given together with legalRepresentativeIdNumber. */
  @OptionalField()
  @IdType('legalRepresentativeIdType')
  legalRepresentativeIdType?: IdDocumentType;

  @OptionalField()
  @IdNumber('legalRepresentativeIdNumber', 'legalRepresentativeIdType')
  legalRepresentativeIdNumber?: string;

  @OptionalField()
  @Address('address')
  address?: string;

  @OptionalField()
  @PersonName('contactName', '赵六', '联系人 Contact person')
  contactName?: string;

  @OptionalField()
  @Phone('contactPhone')
  contactPhone?: string;

  @ClearableField()
  @Mobile('mobile', true)
  mobile?: string | null;

  @ClearableField()
  @Email('email', true)
  email?: string | null;
}

export class LoginDto {
  @ApiProperty({ example: 'zhang.san' })
  @Trimmed()
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty()
  @IsString()
  @Length(1, 128)
  password: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码 The current password' })
  @IsString({ message: 'currentPassword must be a string' })
  @Length(1, 128, { message: 'currentPassword must be 1–128 characters long' })
  currentPassword: string;

  @Password('newPassword')
  newPassword: string;
}

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'zhang.san', description: '登录名 The login name of the account' })
  @Trimmed()
  @IsString({ message: 'username must be a string' })
  @Length(1, 64, { message: 'username must be 1–64 characters long' })
  username: string;
}

/** A new password with the token that allows it: a reset token, or a new staff account's setup token. */
export class PasswordResetDto {
  @Token('token', '重置令牌或设置密码令牌 The reset token sent to the account holder, or the setup token of a new staff account')
  token: string;

  @Password('newPassword')
  newPassword: string;
}

export class CreateInvitationDto {
  @ApiPropertyOptional({ example: '办事员 李四', description: '备注 A note for the administrator: whom the invitation is for' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'note must be a string' })
  @Length(1, 100, { message: 'note must be 1–100 characters long' })
  note?: string;
}

export class SecurityLogQuery {
  @ApiPropertyOptional({ description: '登录名 (administrators only): the events of another login name, registered or not' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'username must be a string' })
  @Length(1, 64, { message: 'username must be 1–64 characters long' })
  username?: string;
}
