import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { CloseFollowUpDto, RateCaseDto } from './ratings.dto.js';
import { RatingsService } from './ratings.service.js';

@ApiTags('ratings 好差评')
@ApiBearerAuth()
@Controller('api')
export class RatingsController {
  constructor(private readonly ratings: RatingsService) {}

  @Post('cases/:caseId/rating')
  rate(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string, @Body() dto: RateCaseDto) {
    return this.ratings.rate(actor, caseId, dto.level, dto.reason ?? null);
  }

  @Get('cases/:caseId/rating')
  ofCase(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.ratings.ofCase(actor, caseId);
  }

  @Get('rating-follow-ups')
  openFollowUps(@CurrentActor() actor: Actor) {
    return this.ratings.openFollowUps(actor);
  }

  @Post('rating-follow-ups/:ratingId/close')
  @HttpCode(200)
  close(@CurrentActor() actor: Actor, @Param('ratingId', uuidParam('ratingId')) ratingId: string, @Body() dto: CloseFollowUpDto) {
    return this.ratings.closeFollowUp(actor, ratingId, dto.record);
  }
}
