import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQueryDto } from '../common/page-query.js';

export class TodoQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '阶段（流程节点编号）Stage: a process element id, e.g. preAcceptance' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  stage?: string;
}
