import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { uuidParam } from '../common/uuid-param.js';
import { CaseCommandsService, CommandAnswer } from './case-commands.service.js';
import { CaseReplayService } from './case-replay.service.js';
import { CreateCaseDto, ListCasesQuery, TransitionDto, UpdateDraftDto, WithdrawDto } from './case.dto.js';
import { CasesService } from './cases.service.js';
import { DraftsService } from './drafts.service.js';
import { RefilingService } from './refiling.service.js';
import { WithdrawalService } from './withdrawal.service.js';

const ACTION_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

@ApiTags('cases 办件')
@ApiBearerAuth()
@Controller('api')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly commands: CaseCommandsService,
    private readonly drafts: DraftsService,
    private readonly withdrawals: WithdrawalService,
    private readonly refilings: RefilingService,
    private readonly replays: CaseReplayService,
  ) {}

  @Post('cases')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto) {
    return this.cases.createDraft(actor, dto);
  }

  @Get('cases')
  listMine(@CurrentActor() actor: Actor, @Query() query: ListCasesQuery) {
    return this.cases.listMine(actor, query.state);
  }

  /** Edits a draft's basic information; a submitted case answers 409. */
  @Put('cases/:caseId')
  async update(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string, @Body() dto: UpdateDraftDto) {
    await this.drafts.update(actor, caseId, dto);
    return this.cases.detail(actor, caseId);
  }

  /** Deletes a draft with its materials; a submitted case answers 409. */
  @Delete('cases/:caseId')
  @HttpCode(204)
  delete(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.drafts.delete(actor, caseId);
  }

  /** 撤回申请: takes a submitted application back before it is decided; the case closes as withdrawn. */
  @Post('cases/:caseId/withdrawal')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string, @Body() dto: WithdrawDto) {
    return this.withdrawals.withdraw(actor, caseId, dto.reason);
  }

  /** Starts a new draft from a refused or withdrawn case, its information and last-submitted materials copied. */
  @Post('cases/:caseId/refiling')
  refile(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.refilings.refile(actor, caseId);
  }

  @Get('cases/:caseId')
  detail(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.cases.detail(actor, caseId);
  }

  /** Which elements of its process the case has passed and where it waits, to highlight on its diagram. */
  @Get('cases/:caseId/position')
  position(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.cases.position(actor, caseId);
  }

  /** The case's audit entries in order with the stage after each, and whether they lead to the stage it is at. */
  @Get('cases/:caseId/replay')
  replay(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.replays.replay(actor, caseId);
  }

  @Get('cases/:caseId/timeline')
  timeline(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.cases.timeline(actor, caseId);
  }

  /**
   * Asks for a transition (submit, preAccept, accept, refuse, approve, reject… whatever the case's open task offers).
   * 200 with the case's new stage once a worker has carried it out; 202 if the worker has not finished within
   * the wait, to be followed at /api/commands/{commandId}; 4xx with the reason when refused.
   */
  @Post('cases/:caseId/actions/:action')
  @HttpCode(200)
  async act(
    @CurrentActor() actor: Actor,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('action') action: string,
    @Body() dto: TransitionDto,
    @Res({ passthrough: true }) response: Response,
  ) {
    if (!ACTION_PATTERN.test(action)) {
      throw new AppError(400, 'VALIDATION_FAILED', { zh: '操作名称无效', en: 'The action name is invalid' }, {
        fields: [{ field: 'action', problems: ['action must be a letter followed by up to 63 letters, digits, hyphens or underscores'] }],
      });
    }
    return answer(await this.commands.request(actor, caseId, action, dto), response);
  }

  @Get('commands/:commandId')
  async command(@CurrentActor() actor: Actor, @Param('commandId') commandId: string, @Res({ passthrough: true }) response: Response) {
    return answer(await this.commands.find(actor, commandId), response);
  }
}

function answer(outcome: CommandAnswer, response: Response) {
  if (outcome.result === 'refused') throw new AppError(outcome.httpStatus, outcome.code, outcome.message, outcome.details);
  if (outcome.result === 'pending') {
    response.status(202);
    return { ...outcome, poll: `/api/commands/${outcome.commandId}` };
  }
  return outcome;
}
