import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../common/actor.js';
import { CatalogService } from './catalog.service.js';

@ApiTags('catalog 事项目录')
@Public()
@Controller('api/departments')
export class DepartmentsController {
  constructor(private readonly catalog: CatalogService) {}

  /** Every department with the number of matters it handles: what to browse the catalogue by. */
  @Get()
  list() {
    return this.catalog.listDepartments();
  }
}
