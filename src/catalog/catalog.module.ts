import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogController } from './catalog.controller.js';
import { CatalogService } from './catalog.service.js';
import { CatalogTrail } from './catalog-trail.js';
import { DepartmentsController } from './departments.controller.js';
import { Department } from './department.entity.js';
import { FormsController } from './forms.controller.js';
import { MaterialItemsController } from './material-items.controller.js';
import { MaterialItemsService } from './material-items.service.js';
import { MaterialTemplate } from './material-template.entity.js';
import { MaterialTemplatesService } from './material-templates.service.js';
import { MatterAdminController } from './matter-admin.controller.js';
import { MatterAdminService } from './matter-admin.service.js';
import { MatterPublicationService } from './matter-publication.service.js';
import { Matter } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';
import { TemplateUploadsService } from './template-uploads.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Department, Matter, RequiredMaterial, MaterialTemplate, AuditEntry]), AuditModule],
  controllers: [CatalogController, DepartmentsController, FormsController, MatterAdminController, MaterialItemsController],
  providers: [CatalogService, MaterialTemplatesService, CatalogTrail, MatterAdminService, MatterPublicationService, MaterialItemsService, TemplateUploadsService],
  exports: [CatalogService, MaterialTemplatesService],
})
export class CatalogModule {}
