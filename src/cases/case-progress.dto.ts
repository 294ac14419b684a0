import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ProgressQueryDto {
  @ApiProperty({ description: '办件编号 Case number, as on the receipt', example: 'LCJ-20261128-000042' })
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: 'caseNumber must be the case number from the receipt, such as LCJ-20261128-000042' })
  caseNumber: string;

  @ApiProperty({ description: '查询码 Query code, as on the receipt', example: 'K7M2Q9XR' })
  @Matches(/^[A-Za-z0-9]{8}$/, { message: 'queryCode must be the 8 letters and digits printed on the receipt' })
  queryCode: string;
}
