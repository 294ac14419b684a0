import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { AdministratorsOnly } from '../common/administrators-only.guard.js';
import { AdminMatterQuery, MatterDto, UpdateMatterDto, WithdrawMatterDto } from './matter-admin.dto.js';
import { MatterAdminService } from './matter-admin.service.js';
import { MatterPublicationService } from './matter-publication.service.js';

export const matterParam = () => Param('matterId', uuidParam('matterId'));

/** 事项管理: administrators create and edit matters with their whole service guide, publish and withdraw them. */
@ApiTags('catalog administration 事项管理')
@ApiBearerAuth()
@UseGuards(AdministratorsOnly)
@Controller('api/admin/matters')
export class MatterAdminController {
  constructor(
    private readonly matters: MatterAdminService,
    private readonly publication: MatterPublicationService,
  ) {}

  /** Matters in every status (draft, published, withdrawn), or in the one asked for. */
  @Get()
  list(@Query() query: AdminMatterQuery) {
    return this.matters.list(query);
  }

  /** Creates a matter as a draft, which the public does not see until it is published. */
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: MatterDto) {
    return this.matters.create(actor, dto);
  }

  /** The matter's whole guide, whatever its status, with its status, process and warning days. */
  @Get(':matterId')
  view(@matterParam() matterId: string) {
    return this.matters.view(matterId);
  }

  /** Changes any of the fields; the others stay as they are. */
  @Put(':matterId')
  update(@CurrentActor() actor: Actor, @matterParam() matterId: string, @Body() dto: UpdateMatterDto) {
    return this.matters.update(actor, matterId, dto);
  }

  /** Every administration change of the matter, newest first. */
  @Get(':matterId/history')
  history(@matterParam() matterId: string) {
    return this.matters.history(matterId);
  }

  @Post(':matterId/publish')
  @HttpCode(200)
  publish(@CurrentActor() actor: Actor, @matterParam() matterId: string) {
    return this.publication.publish(actor, matterId);
  }

  /** Stops new applications; the cases already filed continue. */
  @Post(':matterId/withdraw')
  @HttpCode(200)
  withdraw(@CurrentActor() actor: Actor, @matterParam() matterId: string, @Body() dto: WithdrawMatterDto) {
    return this.publication.withdraw(actor, matterId, dto.reason);
  }
}
