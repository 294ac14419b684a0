import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor.js';
import { ProgressQueryDto } from './case-progress.dto.js';
import { CaseProgressService } from './case-progress.service.js';

/** 我要查: anyone holding a receipt may follow its case, without an account. */
@ApiTags('cases 办件')
@Public()
@Controller('api/progress')
export class CaseProgressController {
  constructor(private readonly progress: CaseProgressService) {}

  @Get()
  query(@Query() query: ProgressQueryDto) {
    return this.progress.query(query.caseNumber, query.queryCode);
  }
}
