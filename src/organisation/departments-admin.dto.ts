import { ApiHideProperty, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import type { DepartmentLevel } from '../catalog/department.entity.js';
import { Trimmed } from '../common/trim.js';
import { ClearableField, OptionalField, Unchangeable } from '../identity/account-fields.js';
import { DepartmentCode, DepartmentLevelField } from './department-fields.js';

const NAME_EXAMPLE = '市卫生健康委员会 Health Commission';

export class CreateDepartmentDto {
  @DepartmentCode('code', '部门编码 Department code: fixed once created (case numbers and processes use it)')
  code: string;

  @ApiProperty({ example: NAME_EXAMPLE, description: '部门名称 Name' })
  @Trimmed()
  @IsString({ message: 'name must be a string' })
  @Length(2, 100, { message: 'name must be 2–100 characters long' })
  name: string;

  @DepartmentLevelField()
  level: DepartmentLevel;

  /** The department above, of a higher level; left out or null for one at the top. */
  @IsOptional()
  @DepartmentCode('parentCode', '上级部门编码 Code of the department above (of a higher level); null or absent at the top', { optional: true })
  parentCode?: string | null;
}

/** Any of a department's fields but its code; null as parentCode puts it at the top. */
export class UpdateDepartmentDto {
  // Refused with its reason rather than as an unknown field.
  @ApiHideProperty()
  @ValidateIf((_object: object, value: unknown) => value !== undefined)
  @Unchangeable('code', 'case numbers, processes (tongban:department) and the trail name the department by it; create a new department instead')
  code?: string;

  @ApiPropertyOptional({ example: NAME_EXAMPLE, description: '部门名称 Name' })
  @OptionalField()
  @Trimmed()
  @IsString({ message: 'name must be a string' })
  @Length(2, 100, { message: 'name must be 2–100 characters long' })
  name?: string;

  @OptionalField()
  @DepartmentLevelField(true)
  level?: DepartmentLevel;

  @ClearableField()
  @DepartmentCode('parentCode', '上级部门编码 Code of the department above; null to put it at the top', { optional: true })
  parentCode?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: '部门负责人 The head: an active member of the department’s staff, told when its cases are urged (督办); null for none' })
  @ClearableField()
  @IsUUID('all', { message: 'headId must be the id of a member of staff, or null' })
  headId?: string | null;
}
