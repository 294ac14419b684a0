import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/actor.js';
import { uuidParam } from '../../common/uuid-param.js';
import { ServiceRunsService } from './service-runs.service.js';

/** Service tasks whose handler kept failing: supervisors see them and retry them. */
@ApiTags('supervision 电子监察')
@ApiBearerAuth()
@Controller('api/incidents')
export class IncidentsController {
  constructor(private readonly runs: ServiceRunsService) {}

  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.runs.incidents(actor);
  }

  @Post(':incidentId/retry')
  @HttpCode(202)
  retry(@CurrentActor() actor: Actor, @Param('incidentId', uuidParam('incidentId')) incidentId: string) {
    return this.runs.retry(actor, incidentId);
  }
}
