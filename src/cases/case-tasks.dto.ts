import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageQueryDto } from '../common/page-query.js';
import { Trimmed } from '../common/trim.js';
import { TODO_STAGES, type TodoStage } from './todo-stages.js';

/** 已办: pages of the tasks I completed. */
export class DoneQueryDto extends PageQueryDto {}

export class TodoQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '阶段（流程节点编号）Stage: a process element id, e.g. preAcceptance' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  stage?: string;

  @ApiPropertyOptional({ description: '待办阶段 Stage of the to-do list', enum: TODO_STAGES })
  @IsOptional()
  @IsIn(TODO_STAGES, { message: `legalStage must be one of: ${TODO_STAGES.join(', ')}` })
  legalStage?: TodoStage;

  @ApiPropertyOptional({ description: '只看我签收的 Only the tasks I have claimed', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  mine?: 'true' | 'false';
}

export class ReassignTaskDto {
  @ApiProperty({ description: '接收人 The colleague who is to hold the task (a user id)', format: 'uuid' })
  @IsUUID('all', { message: 'assigneeId must be the id of a member of staff' })
  assigneeId: string;

  @ApiProperty({ description: '转办理由 Why the task is passed on', example: '本人休假，转同科室办理' })
  @Trimmed()
  @IsString()
  @Length(1, 500)
  reason: string;
}
