import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { type Actor, CurrentActor } from '../../common/actor.js';
import { uuidParam } from '../../common/uuid-param.js';
import { CaseResultsService } from './case-results.service.js';

@ApiTags('cases 办件')
@ApiBearerAuth()
@Controller('api/cases/:caseId')
export class CaseResultsController {
  constructor(private readonly results: CaseResultsService) {}

  @Get('documents')
  documents(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.results.listDocuments(actor, caseId);
  }

  @Get('documents/:documentId/content')
  async document(
    @CurrentActor() actor: Actor,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('documentId', uuidParam('documentId')) documentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { document, body } = await this.results.openDocument(actor, caseId, documentId);
    response.setHeader('Content-Type', document.contentType);
    response.setHeader('Content-Length', String(document.sizeBytes));
    response.setHeader('X-Content-SHA256', document.sha256);
    await pipeline(body, response);
  }

  @Get('licence')
  licence(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.results.licenceOf(actor, caseId);
  }
}
