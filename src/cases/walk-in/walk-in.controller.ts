import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../../common/actor.js';
import { WalkInCaseDto } from './walk-in.dto.js';
import { WalkInService } from './walk-in.service.js';

@ApiTags('cases 办件')
@ApiBearerAuth()
@Controller('api')
export class WalkInController {
  constructor(private readonly walkIns: WalkInService) {}

  /** 窗口受理: a draft filed by window staff for the applicant at the counter; then materials, and submit, as online. */
  @Post('walk-in-cases')
  file(@CurrentActor() actor: Actor, @Body() dto: WalkInCaseDto) {
    return this.walkIns.file(actor, dto);
  }
}
