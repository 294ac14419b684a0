import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CaseTask } from '../cases/case-task.entity.js';
import { Case } from '../cases/case.entity.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { CaseMaterial } from './case-material.entity.js';
import { MaterialChecklistService } from './material-checklist.service.js';
import { MaterialSubmission } from './material-submission.js';
import { MaterialsController } from './materials.controller.js';
import { MaterialsService } from './materials.service.js';
import { SupplementationNotice } from './supplementation-notice.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseMaterial, Case, CaseTask, RequiredMaterial, SupplementationNotice]), AuditModule],
  controllers: [MaterialsController],
  providers: [MaterialsService, MaterialSubmission, MaterialChecklistService],
  exports: [MaterialSubmission, MaterialsService],
})
export class MaterialsModule {}
