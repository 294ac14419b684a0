import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, IsUUID } from 'class-validator';
import { NumberedPageQueryDto } from '../common/page-query.js';
import { DepartmentCode } from '../organisation/department-fields.js';
import { TODO_STAGES, type TodoStage } from '../cases/todo-stages.js';

export const BOARD_ALERTS = ['green', 'yellow', 'red'] as const;
export type BoardAlert = (typeof BOARD_ALERTS)[number];

/** `alert=red&alert=yellow` and `alert=red,yellow` alike: one list of colours, each once. */
const listOf = ({ value }: { value: unknown }) => [
  ...new Set((Array.isArray(value) ? value : [value]).flatMap((item) => (typeof item === 'string' ? item.split(',').map((part) => part.trim()) : [item]))),
];

/** The supervisors' board (电子监察): which running cases to show, and which page of them. */
export class BoardQueryDto extends NumberedPageQueryDto {
  @ApiPropertyOptional({ description: '预警颜色 Alert colours: repeat the parameter or separate by commas', enum: BOARD_ALERTS, isArray: true, example: 'red,yellow' })
  @IsOptional()
  @Transform(listOf)
  @ArrayMaxSize(BOARD_ALERTS.length, { message: `alert names at most ${BOARD_ALERTS.length} colours` })
  @IsIn(BOARD_ALERTS, { each: true, message: `each alert must be one of: ${BOARD_ALERTS.join(', ')}` })
  alert?: BoardAlert[];

  @IsOptional()
  @DepartmentCode('department', '部门编码 Code of the department whose cases to show (the department of the case’s matter)', { optional: true })
  department?: string;

  @ApiPropertyOptional({ description: '事项 The matter whose cases to show', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'matterId must be the id of a matter' })
  matterId?: string;

  @ApiPropertyOptional({ description: '待办阶段 The stage of the to-do list the case waits at', enum: TODO_STAGES })
  @IsOptional()
  @IsIn(TODO_STAGES, { message: `legalStage must be one of: ${TODO_STAGES.join(', ')}` })
  legalStage?: TodoStage;

  @ApiPropertyOptional({ description: '是否督办过 Only cases urged (true) or never urged (false)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'urged must be true or false' })
  urged?: 'true' | 'false';
}
