import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';

export class UploadProcessQuery {
  @ApiPropertyOptional({ description: '上传后是否立即启用 Make the new version the active one (default true)', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  activate?: 'true' | 'false';
}

export class BindProcessDto {
  @ApiProperty({ description: '流程标识 Key of the process (the id of its bpmn:process)', example: 'standard-licensing' })
  @IsString()
  @Length(1, 200)
  processKey: string;
}
