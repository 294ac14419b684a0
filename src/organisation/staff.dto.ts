import { applyDecorators } from '@nestjs/common';
import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsString, Length, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/page-query.js';
import { Trimmed } from '../common/trim.js';
import { ClearableField, Email, Mobile, OptionalField, Unchangeable, Username } from '../identity/account-fields.js';
import { ROLES, type Role } from '../identity/user.entity.js';
import { DepartmentCode } from './department-fields.js';

/** The roles a member of staff may hold: every role but the applicant's. */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'applicant');
export type StaffRole = Exclude<Role, 'applicant'>;

export const STAFF_STATUSES = ['pending', 'active', 'disabled'] as const;
/** pending: created, password not set yet; active: in use; disabled: cannot log in. */
export type StaffStatus = (typeof STAFF_STATUSES)[number];

const DisplayName = () =>
  applyDecorators(
    ApiProperty({ example: '综合窗口受理员 李娜', description: '显示名称 Name as colleagues and applicants see it on the timeline' }),
    Trimmed(),
    IsString({ message: 'displayName must be a string' }),
    Length(1, 100, { message: 'displayName must be 1–100 characters long' }),
  );

const Roles = () =>
  applyDecorators(
    ApiProperty({ enum: STAFF_ROLES, isArray: true, example: ['window_staff'], description: '角色 Roles' }),
    IsArray({ message: 'roles must be a list of roles' }),
    ArrayMinSize(1, { message: 'roles must name at least one role' }),
    ArrayUnique({ message: 'roles must not name a role twice' }),
    IsIn(STAFF_ROLES, { each: true, message: `each of roles must be one of: ${STAFF_ROLES.join(', ')}` }),
  );

const DepartmentCodes = () =>
  applyDecorators(
    DepartmentCode('departmentCodes', '所属部门 Codes of the departments the person serves (several for a comprehensive window)', { each: true }),
    IsArray({ message: 'departmentCodes must be a list of department codes' }),
    ArrayMaxSize(50, { message: 'departmentCodes must name at most 50 departments' }),
    ArrayUnique({ message: 'departmentCodes must not name a department twice' }),
  );

/** A staff account: no password, which the person sets with the one-time token the answer carries. */
export class CreateStaffDto {
  @Username()
  username: string;

  @DisplayName()
  displayName: string;

  @Roles()
  roles: StaffRole[];

  @DepartmentCodes()
  departmentCodes: string[];

  @IsOptional()
  @Mobile('mobile', true)
  mobile?: string | null;

  @IsOptional()
  @Email('email', true)
  email?: string | null;
}

/** Any of the account's fields but the login name; null clears mobile or email. */
export class UpdateStaffDto {
  // Refused with its reason rather than as an unknown field.
  @ApiHideProperty()
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @Unchangeable('username', 'the trail and the security log name the account by it; disable this account and create a new one instead')
  username?: string;

  @OptionalField()
  @DisplayName()
  displayName?: string;

  @OptionalField()
  @Roles()
  roles?: StaffRole[];

  @OptionalField()
  @DepartmentCodes()
  departmentCodes?: string[];

  @ClearableField()
  @Mobile('mobile', true)
  mobile?: string | null;

  @ClearableField()
  @Email('email', true)
  email?: string | null;
}

export class DisableStaffDto {
  @ApiProperty({ example: '调离本中心', description: '停用原因 Why the account is disabled (kept on the security log)' })
  @Trimmed()
  @IsString({ message: 'reason must be a string' })
  @Length(1, 500, { message: 'reason must be 1–500 characters long' })
  reason: string;
}

export class StaffQueryDto extends PageQueryDto {
  @IsOptional()
  @DepartmentCode('department', '部门编码 Only the staff of this department', { optional: true })
  department?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: '角色 Only the staff holding this role' })
  @IsOptional()
  @IsIn(STAFF_ROLES, { message: `role must be one of: ${STAFF_ROLES.join(', ')}` })
  role?: StaffRole;

  @ApiPropertyOptional({ enum: STAFF_STATUSES, description: '状态 pending (password not set yet), active, disabled' })
  @IsOptional()
  @IsIn(STAFF_STATUSES, { message: `status must be one of: ${STAFF_STATUSES.join(', ')}` })
  status?: StaffStatus;
}
