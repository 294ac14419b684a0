import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { AdministratorsOnly } from '../common/administrators-only.guard.js';
import { MaterialItemDto, MaterialOrderDto, UpdateMaterialItemDto } from './material-item.dto.js';
import { MaterialItemsService } from './material-items.service.js';
import { MaterialTemplatesService } from './material-templates.service.js';
import { matterParam } from './matter-admin.controller.js';
import { sendTemplate } from './template-response.js';
import { TemplateUploadsService } from './template-uploads.service.js';

const itemParam = () => Param('itemId', uuidParam('itemId'));

/** 申请材料管理: a matter's list of application materials and their blank forms, for administrators. */
@ApiTags('catalog administration 事项管理')
@ApiBearerAuth()
@UseGuards(AdministratorsOnly)
@Controller('api/admin/matters/:matterId')
export class MaterialItemsController {
  constructor(
    private readonly items: MaterialItemsService,
    private readonly uploads: TemplateUploadsService,
    private readonly templates: MaterialTemplatesService,
  ) {}

  /** Adds a material at the end of the list. */
  @Post('materials')
  add(@CurrentActor() actor: Actor, @matterParam() matterId: string, @Body() dto: MaterialItemDto) {
    return this.items.add(actor, matterId, dto);
  }

  @Put('materials/:itemId')
  update(@CurrentActor() actor: Actor, @matterParam() matterId: string, @itemParam() itemId: string, @Body() dto: UpdateMaterialItemDto) {
    return this.items.update(actor, matterId, itemId, dto);
  }

  /** Deletes a material no case has used; one a case used is 409 MATERIAL_ITEM_IN_USE. */
  @Delete('materials/:itemId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @matterParam() matterId: string, @itemParam() itemId: string) {
    return this.items.remove(actor, matterId, itemId);
  }

  /** The new order of all the matter's materials. */
  @Put('material-order')
  reorder(@CurrentActor() actor: Actor, @matterParam() matterId: string, @Body() dto: MaterialOrderDto) {
    return this.items.reorder(actor, matterId, dto);
  }

  /** Uploads or replaces the blank form: multipart/form-data, the file in the field `file`. */
  @Put('materials/:itemId/template')
  @ApiConsumes('multipart/form-data')
  uploadTemplate(@CurrentActor() actor: Actor, @matterParam() matterId: string, @itemParam() itemId: string, @Req() request: Request) {
    return this.uploads.upload(actor, matterId, itemId, request);
  }

  /** The blank form of a material of a matter in any status (the public one serves published matters only). */
  @Get('materials/:itemId/template')
  async downloadTemplate(@matterParam() matterId: string, @itemParam() itemId: string, @Res() response: Response): Promise<void> {
    await sendTemplate(response, await this.templates.open(matterId, itemId));
  }

  @Delete('materials/:itemId/template')
  @HttpCode(204)
  removeTemplate(@CurrentActor() actor: Actor, @matterParam() matterId: string, @itemParam() itemId: string) {
    return this.uploads.remove(actor, matterId, itemId);
  }
}
