import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, Matches } from 'class-validator';
import { DEPARTMENT_LEVELS } from '../catalog/department.entity.js';

/** A department's code: how cases, processes and staff name it. Typed in any case, kept in capitals. */
export const DEPARTMENT_CODE = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;

const upperCased = (value: unknown) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** A department code, or (`each`) a list of them; each message starts with the field's name. */
export const DepartmentCode = (field: string, description: string, { each = false, optional = false } = {}) => {
  const subject = each ? `each of ${field}` : field;
  return applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ example: each ? ['LCJ', 'ZRZY'] : 'LCJ', description, ...(each ? { isArray: true, type: String } : {}) }),
    Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? value.map(upperCased) : upperCased(value))),
    IsString({ each, message: `${subject} must be a string` }),
    Matches(DEPARTMENT_CODE, { each, message: `${subject} must be a department code: 1–32 letters, digits, - or _ (such as LCJ)` }),
  );
};

export const DepartmentLevelField = (optional = false) =>
  applyDecorators(
    (optional ? ApiPropertyOptional : ApiProperty)({ enum: DEPARTMENT_LEVELS, description: '层级 Level: province 省级, city 市级, county 县级' }),
    IsIn(DEPARTMENT_LEVELS, { message: 'level must be one of: province (省级), city (市级), county (县级)' }),
  );
