import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseTask } from '../cases/case-task.entity.js';
import { Case } from '../cases/case.entity.js';
import { RequiredMaterial } from '../catalog/required-material.entity.js';
import { CaseMaterial } from './case-material.entity.js';
import { MaterialChecklist } from './material-checklist.service.js';
import { MaterialsController } from './materials.controller.js';
import { MaterialsService } from './materials.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([CaseMaterial, Case, CaseTask, RequiredMaterial])],
  controllers: [MaterialsController],
  providers: [MaterialsService, MaterialChecklist],
  exports: [MaterialChecklist],
})
export class MaterialsModule {}
