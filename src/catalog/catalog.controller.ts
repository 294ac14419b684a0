import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor.js';
import { uuidParam } from '../common/uuid-param.js';
import { CatalogService } from './catalog.service.js';

/** The matter catalogue and service guides are public: Art. 30 of the Licensing Law requires them to be published. */
@ApiTags('catalog 事项目录')
@Public()
@Controller('api/matters')
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get()
  list() {
    return this.catalog.listMatters();
  }

  @Get(':matterId')
  guide(@Param('matterId', uuidParam('matterId')) matterId: string) {
    return this.catalog.serviceGuide(matterId);
  }
}
