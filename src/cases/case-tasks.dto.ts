import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { Trimmed } from '../common/trim.js';

export class DoneQueryDto {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit: number = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  // Beyond this the number is no longer exact, and PostgreSQL refuses an OFFSET past bigint with an error.
  @Max(Number.MAX_SAFE_INTEGER)
  offset: number = 0;
}

export class TodoQueryDto extends DoneQueryDto {
  @ApiPropertyOptional({ description: '阶段（流程节点编号）Stage: a process element id, e.g. preAcceptance' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  stage?: string;

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
