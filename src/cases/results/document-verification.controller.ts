import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/actor.js';
import { CaseDocumentsService } from './case-documents.service.js';
import { VerifyDocumentQuery } from './document-verification.dto.js';

/** 文书核验: anyone holding a notice or decision checks it by the code printed on it, without logging in. */
@ApiTags('cases 办件')
@Public()
@Controller('api/documents')
export class DocumentVerificationController {
  constructor(private readonly documents: CaseDocumentsService) {}

  @Get('verify')
  @ApiOkResponse({ description: '文书名称、办件编号、出具部门和日期、文件摘要 Title, case number, issuing department and date, file digest' })
  verify(@Query() query: VerifyDocumentQuery) {
    return this.documents.verify(query.code);
  }
}
