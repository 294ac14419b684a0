import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { type Actor, CurrentActor } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { MaterialChecklistService } from './material-checklist.service.js';
import { MaterialsService } from './materials.service.js';
import { PaperMaterialDto } from './paper-material.dto.js';
import { PaperMaterialsService } from './paper-materials.service.js';

const caseParam = () => Param('caseId', uuidParam('caseId'));
const materialParam = () => Param('materialId', uuidParam('materialId'));

@ApiTags('materials 申请材料')
@ApiBearerAuth()
@Controller('api/cases/:caseId')
export class MaterialsController {
  constructor(
    private readonly materials: MaterialsService,
    private readonly checklists: MaterialChecklistService,
    private readonly paper: PaperMaterialsService,
  ) {}

  /** Adds one file to a material item: multipart/form-data, the file in the field `file`. */
  @ApiConsumes('multipart/form-data')
  @Post('materials/:requiredMaterialId')
  upload(@CurrentActor() actor: Actor, @caseParam() caseId: string, @Param('requiredMaterialId', uuidParam('requiredMaterialId')) itemId: string, @Req() request: Request) {
    return this.materials.upload(actor, caseId, itemId, request);
  }

  /** Adds an extra material beyond the list (其他材料): the field `title`, then the file in `file`. */
  @ApiConsumes('multipart/form-data')
  @Post('extra-materials')
  uploadExtra(@CurrentActor() actor: Actor, @caseParam() caseId: string, @Req() request: Request) {
    return this.materials.uploadExtra(actor, caseId, request);
  }

  /** Replaces a file not yet submitted (multipart, field `file`); a submitted one answers 409. */
  @ApiConsumes('multipart/form-data')
  @Put('materials/:materialId/content')
  replace(@CurrentActor() actor: Actor, @caseParam() caseId: string, @materialParam() materialId: string, @Req() request: Request) {
    return this.materials.replace(actor, caseId, materialId, request);
  }

  /** Deletes a file not yet submitted; a submitted one answers 409. */
  @Delete('materials/:materialId')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @caseParam() caseId: string, @materialParam() materialId: string) {
    return this.materials.remove(actor, caseId, materialId);
  }

  /** Every file of the case, every round, oldest first. */
  @Get('materials')
  list(@CurrentActor() actor: Actor, @caseParam() caseId: string) {
    return this.materials.list(actor, caseId);
  }

  /** Item by item: what each takes, the files not yet handed over, what each submission handed over, and the open notice. */
  @Get('material-checklist')
  checklist(@CurrentActor() actor: Actor, @caseParam() caseId: string) {
    return this.checklists.checklist(actor, caseId);
  }

  /** 收取纸质材料: the window records the paper originals and photocopies it received of an item (a walk-in case). */
  @Put('paper-materials/:requiredMaterialId')
  receivePaper(@CurrentActor() actor: Actor, @caseParam() caseId: string, @Param('requiredMaterialId', uuidParam('requiredMaterialId')) itemId: string, @Body() dto: PaperMaterialDto) {
    return this.paper.receive(actor, caseId, itemId, dto);
  }

  /** Undoes a paper receipt recorded by mistake, before the case is submitted. */
  @Delete('paper-materials/:requiredMaterialId')
  @HttpCode(204)
  undoPaper(@CurrentActor() actor: Actor, @caseParam() caseId: string, @Param('requiredMaterialId', uuidParam('requiredMaterialId')) itemId: string) {
    return this.paper.undo(actor, caseId, itemId);
  }

  @Get('supplementation-notices')
  notices(@CurrentActor() actor: Actor, @caseParam() caseId: string) {
    return this.checklists.notices(actor, caseId);
  }

  @Get('materials/:materialId/content')
  async download(@CurrentActor() actor: Actor, @caseParam() caseId: string, @materialParam() materialId: string, @Res() response: Response): Promise<void> {
    const { material, body } = await this.materials.download(actor, caseId, materialId);
    response.setHeader('Content-Type', material.contentType);
    response.setHeader('Content-Length', String(material.sizeBytes));
    response.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(material.fileName)}`);
    response.setHeader('X-Content-SHA256', material.sha256);
    // Stored files are served as what they are, never rendered as a page of this site.
    response.setHeader('X-Content-Type-Options', 'nosniff');
    await pipeline(body, response);
  }
}
