import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { BoardQueryDto } from './board.dto.js';
import { BoardService } from './board.service.js';
import { UrgeCaseDto } from './urge.dto.js';
import { UrgesService } from './urges.service.js';

@ApiTags('supervision 电子监察')
@ApiBearerAuth()
@Controller('api')
export class SupervisionController {
  constructor(
    private readonly board: BoardService,
    private readonly urges: UrgesService,
  ) {}

  /** Open cases whose clock runs, most urgent first (red, then fewest working days left), for supervisors and administrators. */
  @Get('supervision/board')
  show(@CurrentActor() actor: Actor, @Query() query: BoardQueryDto) {
    return this.board.board(actor, query);
  }

  /** 督办: a supervisor's note, told to the case's holders and its department's head, on the case's timeline. */
  @Post('cases/:caseId/urges')
  urge(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string, @Body() dto: UrgeCaseDto) {
    return this.urges.urge(actor, caseId, dto);
  }

  @Get('cases/:caseId/urges')
  list(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.urges.list(actor, caseId);
  }
}
