import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CatalogModule } from '../catalog/catalog.module.js';
import { MaterialsModule } from '../materials/materials.module.js';
import { ProcessesModule } from '../processes/processes.module.js';
import { CaseCommand } from './case-command.entity.js';
import { CaseCommandsService } from './case-commands.service.js';
import { CaseTask } from './case-task.entity.js';
import { CaseTasksController } from './case-tasks.controller.js';
import { CaseTasksService } from './case-tasks.service.js';
import { CaseTransitionService } from './case-transition.service.js';
import { CaseTransitionWorker } from './case-transition.worker.js';
import { Case } from './case.entity.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Case, CaseTask, CaseCommand]), AuditModule, CatalogModule, MaterialsModule, ProcessesModule],
  controllers: [CasesController, CaseTasksController],
  providers: [CasesService, CaseCommandsService, CaseTasksService, CaseTransitionService, CaseTransitionWorker],
  exports: [CaseTransitionWorker],
})
export class CasesModule {}
