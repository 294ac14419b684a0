import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { type Actor, CurrentActor } from '../../common/actor.js';
import { uuidParam } from '../../common/uuid-param.js';
import { CaseDocumentsService, PDF } from './case-documents.service.js';
import { CaseResultsService } from './case-results.service.js';
import { FilingReceiptService, RECEIPT_TITLE } from './filing-receipt.service.js';

/** `inline` with the name in UTF-8 (RFC 6266 / 5987): a browser shows the file and saves it under its Chinese name. */
const disposition = (name: string, extension: string) => `inline; filename="document.${extension}"; filename*=UTF-8''${encodeURIComponent(`${name}.${extension}`)}`;

@ApiTags('cases 办件')
@ApiBearerAuth()
@Controller('api/cases/:caseId')
export class CaseResultsController {
  constructor(
    private readonly documents: CaseDocumentsService,
    private readonly receipts: FilingReceiptService,
    private readonly results: CaseResultsService,
  ) {}

  @Get('documents')
  list(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.documents.list(actor, caseId);
  }

  @Get('documents/:documentId/content')
  @ApiProduces(PDF, 'text/html')
  async document(
    @CurrentActor() actor: Actor,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { document, body } = await this.documents.open(actor, caseId, documentId);
    response.setHeader('Content-Type', document.contentType);
    response.setHeader('Content-Length', String(document.sizeBytes));
    // Documents from before PDFs are HTML, and are served as they were stored.
    const extension = document.contentType === PDF ? 'pdf' : 'html';
    response.setHeader('Content-Disposition', disposition(`${document.title}-${document.facts?.caseNumber ?? document.id}`, extension));
    response.setHeader('X-Content-SHA256', document.sha256!);
    await pipeline(body, response);
  }

  /** 申请回执: what was received, with the query code for 我要查; the applicant's and staff's only. */
  @Get('receipt')
  @ApiProduces(PDF)
  async receipt(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string, @Res() response: Response): Promise<void> {
    const { caseNumber, pdf } = await this.receipts.receipt(actor, caseId);
    response.setHeader('Content-Type', PDF);
    response.setHeader('Content-Disposition', disposition(`${RECEIPT_TITLE}-${caseNumber}`, 'pdf'));
    response.setHeader('Cache-Control', 'no-store');
    response.end(pdf);
  }

  @Get('licence')
  licence(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.results.licenceOf(actor, caseId);
  }
}
