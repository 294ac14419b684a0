import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { Trimmed } from '../common/trim.js';

export class UrgeCaseDto {
  @ApiProperty({ description: '督办意见 What the supervisor asks of those who hold the case', example: '已超承诺时限，请于今日内办结并说明原因' })
  @Trimmed()
  @IsString({ message: 'note must be text' })
  @Length(1, 500, { message: 'note must be 1–500 characters long (not only spaces)' })
  note: string;

  @ApiPropertyOptional({ description: '命令编号 Command id: sent again, the same urge is answered and nobody is told twice', example: '0b6f3c1e-2f4a-4c35-9a2d-5f0c8d1e7a90' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{8,64}$/, { message: 'commandId must be 8–64 letters, digits, hyphens or underscores' })
  commandId?: string;
}
