import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';

export class MoveClockDto {
  @ApiProperty({ description: '新的当前时间 The new current time, ISO 8601 with its offset', example: '2026-12-10T09:00:00+08:00' })
  @IsISO8601({ strict: true, strictSeparator: true }, { message: 'now must be an ISO 8601 date and time' })
  @Matches(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/, { message: 'now must have a time and an offset, such as 2026-12-10T09:00:00+08:00' })
  now: string;
}
