import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { CatalogQueryDto } from './catalog-query.dto.js';
import { CatalogService } from './catalog.service.js';
import { sendTemplate } from './template-response.js';

/** The matter catalogue and service guides are public: Art. 30 of the Licensing Law requires them to be published. */
@ApiTags('catalog 事项目录')
@Public()
@Controller('api/matters')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  /** Browse and search: by department, by words of the name or the code, a page at a time. */
  @Get()
  list(@Query() query: CatalogQueryDto) {
    return this.catalog.listMatters(query);
  }

  /** The service guide of a published matter; drafts and withdrawn matters are 404 here. */
  @Get(':matterId')
  guide(@Param('matterId', uuidParam('matterId')) matterId: string) {
    return this.catalog.serviceGuide(matterId);
  }

  /** The blank form (空白表格) of a required material, as a download. */
  @Get(':matterId/materials/:itemId/template')
  async template(
    @Param('matterId', uuidParam('matterId')) matterId: string,
    @Param('itemId', uuidParam('itemId')) itemId: string,
    @Res() response: Response,
  ): Promise<void> {
    await sendTemplate(response, await this.catalog.template(matterId, itemId));
  }
}
