import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { buildMessage, IsIn, IsOptional, IsString, IsUUID, Length, ValidateBy, type ValidationArguments } from 'class-validator';
import { isCalendarDate, toDayNumber } from '../calendar/calendar-date.js';
import { IsCalendarDate, IsNotBefore } from '../calendar/calendar.dto.js';

export const GROUPINGS = ['department', 'matter'] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** A year, a leap one included: longer periods would make one request scan an unbounded share of the cases. */
export const MAX_PERIOD_DAYS = 366;

/** The period from `property` to this one, both days counted, is at most `days` long (malformed dates are reported on their own). */
const IsWithinDaysOf = (property: string, days: number) =>
  ValidateBy({
    name: 'isWithinDaysOf',
    constraints: [property, days],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const start = (args!.object as Record<string, unknown>)[property];
        return !isCalendarDate(start) || !isCalendarDate(value) || toDayNumber(value) - toDayNumber(start) < days;
      },
      defaultMessage: buildMessage(() => `$property must be at most ${days} days from ${property}, both days counted`),
    },
  });

/** 统计分析: a period of Beijing dates, how to group it, and which cases to count. */
export class StatisticsQuery {
  @ApiProperty({ example: '2026-01-01', description: '起始日（计入，北京时间）The first day counted (Asia/Shanghai)' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-12-31', description: `截止日（计入），至多 ${MAX_PERIOD_DAYS} 天 The last day counted; at most ${MAX_PERIOD_DAYS} days in all` })
  @IsCalendarDate()
  @IsNotBefore('from')
  @IsWithinDaysOf('from', MAX_PERIOD_DAYS)
  to: string;

  @ApiPropertyOptional({ enum: GROUPINGS, default: 'department', description: '按部门或按事项分组 Rows per department or per matter' })
  @IsOptional()
  @IsIn(GROUPINGS, { message: `groupBy must be one of: ${GROUPINGS.join(', ')}` })
  groupBy: Grouping = 'department';

  @ApiPropertyOptional({ enum: ['true', 'false'], default: 'false', description: '按月拆分 One row per group and month' })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'byMonth must be true or false' })
  byMonth: 'true' | 'false' = 'false';

  @ApiPropertyOptional({ example: 'LCJ', description: '只统计该部门 Only this department (its code)' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  department?: string;

  @ApiPropertyOptional({ description: '只统计该事项 Only this matter (its id)' })
  @IsOptional()
  @IsUUID('all', { message: 'matterId must be the id of a matter' })
  matterId?: string;
}
