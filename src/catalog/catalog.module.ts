import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller.js';
import { CatalogService } from './catalog.service.js';
import { DepartmentsController } from './departments.controller.js';
import { Department } from './department.entity.js';
import { FormsController } from './forms.controller.js';
import { MaterialTemplate } from './material-template.entity.js';
import { MaterialTemplatesService } from './material-templates.service.js';
import { Matter } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Department, Matter, RequiredMaterial, MaterialTemplate])],
  controllers: [CatalogController, DepartmentsController, FormsController],
  providers: [CatalogService, MaterialTemplatesService],
  exports: [CatalogService, MaterialTemplatesService],
})
export class CatalogModule {}
