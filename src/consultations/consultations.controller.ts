import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { AnswerConsultationDto, ConsultationListQuery, WriteConsultationDto } from './consultations.dto.js';
import { ConsultationsService } from './consultations.service.js';

@ApiTags('consultations 我要问')
@ApiBearerAuth()
@Controller('api/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post()
  write(@CurrentActor() actor: Actor, @Body() dto: WriteConsultationDto) {
    return this.consultations.write(actor, dto);
  }

  @Get('mine')
  mine(@CurrentActor() actor: Actor, @Query() query: ConsultationListQuery) {
    return this.consultations.listMine(actor, query);
  }

  /** Staff: the messages addressed to their department; supervisors also every complaint. */
  @Get('received')
  received(@CurrentActor() actor: Actor, @Query() query: ConsultationListQuery) {
    return this.consultations.listReceived(actor, query);
  }

  @Get(':consultationId')
  read(@CurrentActor() actor: Actor, @Param('consultationId', uuidParam('consultationId')) id: string) {
    return this.consultations.read(actor, id);
  }

  @Post(':consultationId/answer')
  @HttpCode(200)
  answer(@CurrentActor() actor: Actor, @Param('consultationId', uuidParam('consultationId')) id: string, @Body() dto: AnswerConsultationDto) {
    return this.consultations.answer(actor, id, dto.answer);
  }
}
