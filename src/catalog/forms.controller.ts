import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor.js';
import { CatalogQueryDto } from './catalog-query.dto.js';
import { MaterialTemplatesService } from './material-templates.service.js';

@ApiTags('catalog 事项目录')
@Public()
@Controller('api/forms')
export class FormsController {
  constructor(private readonly templates: MaterialTemplatesService) {}

  /** 表格下载: every blank form across the matters, by department and words of the form's, material's or matter's name. */
  @Get()
  list(@Query() query: CatalogQueryDto) {
    return this.templates.list(query);
  }
}
