import { Body, Controller, Get, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AdministratorsOnly } from '../common/administrators-only.guard.js';
import { type Actor, CurrentActor } from '../common/actor.js';
import { CreateDepartmentDto, UpdateDepartmentDto } from './departments-admin.dto.js';
import { DepartmentsAdminService } from './departments-admin.service.js';

/** The centre's departments as administrators keep them; the public list stays at GET /api/departments. */
@ApiTags('organisation 组织机构')
@ApiBearerAuth()
@UseGuards(AdministratorsOnly)
@Controller('api/admin/departments')
export class DepartmentsAdminController {
  constructor(private readonly departments: DepartmentsAdminService) {}

  /** Every department with its level, the department above it, and how many staff and matters it has. */
  @Get()
  list() {
    return this.departments.list();
  }

  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDepartmentDto) {
    return this.departments.create(actor, dto);
  }

  @Get(':code')
  get(@Param('code') code: string) {
    return this.departments.get(code);
  }

  /** Any of name, level and parentCode; the code is fixed. */
  @Put(':code')
  update(@CurrentActor() actor: Actor, @Param('code') code: string, @Body() dto: UpdateDepartmentDto) {
    return this.departments.update(actor, code, dto);
  }

  /** What administrators changed in the department, newest first. */
  @Get(':code/history')
  history(@Param('code') code: string) {
    return this.departments.history(code);
  }
}
