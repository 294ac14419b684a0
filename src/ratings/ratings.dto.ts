import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { Trimmed } from '../common/trim.js';

export class RateCaseDto {
  @ApiProperty({ description: '满意度 1 非常满意 … 5 非常不满意 (GB/T 39046 A.8: 1 is the best)', minimum: 1, maximum: 5 })
  @IsInt()
  @Min(1)
  @Max(5)
  level: number;

  @ApiPropertyOptional({ description: '评价理由 Reason; required for 4 不满意 and 5 非常不满意' })
  @IsOptional()
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

export class CloseFollowUpDto {
  @ApiProperty({ description: '回访及整改记录 What was found, done and told to the rater' })
  @Trimmed()
  @IsString()
  @Length(5, 4000)
  record: string;
}
