import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

export class TodoQueryDto {
  @ApiPropertyOptional({ description: '阶段（流程节点编号）Stage: a process element id, e.g. preAcceptance' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  stage?: string;

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
