import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { MaterialsService } from './materials.service.js';

@ApiTags('materials 申请材料')
@ApiBearerAuth()
@Controller('api/cases/:caseId/materials')
export class MaterialsController {
  constructor(private readonly materials: MaterialsService) {}

  /** Upload one file for a required material item: multipart/form-data, the file in the field `file`. */
  @ApiConsumes('multipart/form-data')
  @Post(':requiredMaterialId')
  upload(
    @CurrentActor() actor: Actor,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('requiredMaterialId', uuidParam('requiredMaterialId')) requiredMaterialId: string,
    @Req() request: Request,
  ) {
    return this.materials.upload(actor, caseId, requiredMaterialId, request);
  }

  @Get()
  list(@CurrentActor() actor: Actor, @Param('caseId', uuidParam('caseId')) caseId: string) {
    return this.materials.list(actor, caseId);
  }

  @Get(':materialId/content')
  async download(
    @CurrentActor() actor: Actor,
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('materialId', uuidParam('materialId')) materialId: string,
    @Res() response: Response,
  ): Promise<void> {
    const { material, body } = await this.materials.download(actor, caseId, materialId);
    response.setHeader('Content-Type', material.contentType);
    response.setHeader('Content-Length', String(material.sizeBytes));
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(material.fileName)}`);
    response.setHeader('X-Content-SHA256', material.sha256);
    await pipeline(body, response);
  }
}
