import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { VERIFICATION_CODE_EXAMPLE, VERIFICATION_CODE_INPUT } from './verification-code.js';

export class VerifyDocumentQuery {
  @ApiProperty({ description: '校验码 Verification code, as printed on the document', example: VERIFICATION_CODE_EXAMPLE })
  @Matches(VERIFICATION_CODE_INPUT, {
    message: `code must be the 16-character verification code printed on the document, such as ${VERIFICATION_CODE_EXAMPLE} (letters and digits without 0, 1, I, L or O; the hyphens may be left out)`,
  })
  code: string;
}
