import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdministratorsOnly } from '../common/administrators-only.guard.js';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { CreateStaffDto, DisableStaffDto, StaffQueryDto, UpdateStaffDto } from './staff.dto.js';
import { StaffService } from './staff.service.js';

/** Staff accounts, kept by administrators. What each change did is on the person's security log (GET /api/identity/security-log?username=…). */
@ApiTags('organisation 组织机构')
@ApiBearerAuth()
@UseGuards(AdministratorsOnly)
@Controller('api/admin/staff')
export class StaffController {
  constructor(private readonly staff: StaffService) {}

  @Get()
  list(@Query() query: StaffQueryDto) {
    return this.staff.list(query);
  }

  /** No password: the answer's `passwordSetup.token` (72 hours, once) is what the person sets theirs with, at POST /api/identity/password-setup. */
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStaffDto) {
    return this.staff.create(actor, dto);
  }

  @Get(':staffId')
  get(@Param('staffId', uuidParam('staffId')) staffId: string) {
    return this.staff.get(staffId);
  }

  /** Any of displayName, roles, departmentCodes, mobile, email; they count from the person's next request. */
  @Put(':staffId')
  update(@CurrentActor() actor: Actor, @Param('staffId', uuidParam('staffId')) staffId: string, @Body() dto: UpdateStaffDto) {
    return this.staff.update(actor, staffId, dto);
  }

  /** The account cannot log in any more; its sessions end and the tasks it claimed are released. */
  @Post(':staffId/disable')
  @HttpCode(200)
  disable(@CurrentActor() actor: Actor, @Param('staffId', uuidParam('staffId')) staffId: string, @Body() dto: DisableStaffDto) {
    return this.staff.disable(actor, staffId, dto.reason);
  }

  @Post(':staffId/enable')
  @HttpCode(200)
  enable(@CurrentActor() actor: Actor, @Param('staffId', uuidParam('staffId')) staffId: string) {
    return this.staff.enable(actor, staffId);
  }

  /** A new password setup token for an account whose password was never set; the earlier one stops working. */
  @Post(':staffId/password-setup')
  newSetupToken(@CurrentActor() actor: Actor, @Param('staffId', uuidParam('staffId')) staffId: string) {
    return this.staff.newSetupToken(actor, staffId);
  }
}
