import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { buildMessage, IsIn, IsInt, IsString, Length, Max, Min, ValidateBy, type ValidationArguments } from 'class-validator';
import { Trimmed } from '../common/trim.js';
import { isCalendarDate } from './calendar-date.js';
import { DAY_KINDS, type DayKind } from './working-day-calendar.js';

export const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: buildMessage(() => '$property must be a real date in the form YYYY-MM-DD') },
  });

/** For a range: the end may equal the start but not precede it (a malformed start is reported on its own). */
export const IsNotBefore = (property: string) =>
  ValidateBy({
    name: 'isNotBefore',
    constraints: [property],
    validator: {
      validate: (value: unknown, args?: ValidationArguments) => {
        const start = (args!.object as Record<string, unknown>)[property];
        return !isCalendarDate(start) || !isCalendarDate(value) || value >= start;
      },
      defaultMessage: buildMessage(() => `$property must not be before ${property}`),
    },
  });

export class AddWorkingDaysQuery {
  @ApiProperty({ example: '2026-09-30', description: '起算日（不计入）The start date, not counted' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: 5, minimum: 1, maximum: 3650, description: '工作日数 Number of working days' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3650)
  days: number;
}

export class WorkingDaysBetweenQuery {
  @ApiProperty({ example: '2026-09-30', description: '起算日（不计入）The start date, not counted' })
  @IsCalendarDate()
  from: string;

  @ApiProperty({ example: '2026-10-12', description: '截止日（计入）The end date, counted' })
  @IsCalendarDate()
  @IsNotBefore('from')
  to: string;
}

export class SetCalendarDayDto {
  @ApiProperty({ enum: DAY_KINDS, description: 'holiday 放假 | adjusted_working_day 调休上班' })
  @IsIn(DAY_KINDS)
  kind: DayKind;

  @ApiProperty({ example: '那达慕大会 Naadam Festival' })
  @Trimmed()
  @IsString()
  @Length(1, 100)
  name: string;
}
