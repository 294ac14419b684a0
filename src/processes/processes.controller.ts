import { Body, Controller, Get, Header, Param, ParseIntPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { type Actor, assertRole, CurrentActor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { uuidParam } from '../common/uuid-param.js';
import { ProcessDefinitionService } from './process-definition.service.js';
import { NumberedPageQueryDto } from '../common/page-query.js';
import { BindProcessDto, UploadProcessQuery } from './processes.dto.js';
import { MatterBindingService } from './matter-binding.service.js';
import { ProcessUsageService } from './process-usage.service.js';
import { MAX_BPMN_BYTES } from './validation/validate-bpmn.js';
import { readXmlBody } from './xml-body.js';

const DESIGNERS = { zh: '流程设计员', en: 'process designers' };
const DESIGNERS_AND_ADMINISTRATORS = { zh: '流程设计员和系统管理员', en: 'process designers and administrators' };

const versionParam = new ParseIntPipe({
  exceptionFactory: () =>
    new AppError(400, 'VALIDATION_FAILED', { zh: '版本号必须是整数', en: 'The version must be an integer' }, {
      fields: [{ field: 'version', problems: ['version must be an integer'] }],
    }),
});

/** Process designers' work: upload, version, activate, download and bind BPMN processes. */
@ApiTags('processes 流程')
@ApiBearerAuth()
@Controller('api')
export class ProcessesController {
  constructor(
    private readonly definitions: ProcessDefinitionService,
    private readonly bindings: MatterBindingService,
    private readonly usage: ProcessUsageService,
  ) {}

  @Get('processes')
  list(@CurrentActor() actor: Actor) {
    assertRole(actor, ['process_designer', 'administrator', 'supervisor'], DESIGNERS);
    return this.definitions.list();
  }

  /** The body is the BPMN file itself (Content-Type: application/xml); it becomes the next version of the process it defines. */
  @Post('processes')
  @ApiConsumes('application/xml')
  async upload(@CurrentActor() actor: Actor, @Query() query: UploadProcessQuery, @Req() request: Request) {
    assertRole(actor, ['process_designer'], DESIGNERS);
    const body = await readXmlBody(request, MAX_BPMN_BYTES);
    return this.definitions.upload(actor, body, query.activate !== 'false');
  }

  @Get('processes/:key/versions')
  versions(@CurrentActor() actor: Actor, @Param('key') key: string) {
    assertRole(actor, ['process_designer', 'administrator', 'supervisor'], DESIGNERS);
    return this.definitions.versions(key);
  }

  /** Every matter bound to the process, draft, published or withdrawn, with the version its new cases take. */
  @Get('processes/:key/matters')
  matters(@CurrentActor() actor: Actor, @Param('key') key: string) {
    assertRole(actor, ['process_designer', 'administrator'], DESIGNERS_AND_ADMINISTRATORS);
    return this.usage.matters(key);
  }

  /** The open cases running on one version, newest first: what a change of the process would leave on the old one. */
  @Get('processes/:key/versions/:version/cases')
  runningCases(
    @CurrentActor() actor: Actor,
    @Param('key') key: string,
    @Param('version', versionParam) version: number,
    @Query() page: NumberedPageQueryDto,
  ) {
    assertRole(actor, ['process_designer', 'administrator'], DESIGNERS_AND_ADMINISTRATORS);
    return this.usage.runningCases(key, version, page);
  }

  /** Any signed-in user may read a process: the web page draws a case's diagram from it. */
  @Get('processes/:key/versions/:version/xml')
  @Header('Content-Type', 'application/xml; charset=utf-8')
  async xml(@Param('key') key: string, @Param('version', versionParam) version: number) {
    return (await this.definitions.version(key, version)).xml;
  }

  @Post('processes/:key/versions/:version/activate')
  activate(@CurrentActor() actor: Actor, @Param('key') key: string, @Param('version', versionParam) version: number) {
    assertRole(actor, ['process_designer'], DESIGNERS);
    return this.definitions.activate(actor, key, version);
  }

  /** Binds a matter to a process: its new cases take that process's active version. */
  @Put('matters/:matterId/process')
  bind(@CurrentActor() actor: Actor, @Param('matterId', uuidParam('matterId')) matterId: string, @Body() dto: BindProcessDto) {
    assertRole(actor, ['process_designer'], DESIGNERS);
    return this.bindings.bind(actor, matterId, dto.processKey);
  }
}
