import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ProcessEngine } from './engine/process-engine.js';
import { MatterBindingService } from './matter-binding.service.js';
import { ProcessDefinition } from './process-definition.entity.js';
import { ProcessDefinitionService } from './process-definition.service.js';
import { ProcessInstance } from './process-instance.entity.js';
import { ProcessInstanceService } from './process-instance.service.js';
import { ProcessUsageService } from './process-usage.service.js';
import { ProcessValidator } from './process-validator.service.js';
import { ProcessesController } from './processes.controller.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProcessDefinition, ProcessInstance]), AuditModule],
  controllers: [ProcessesController],
  providers: [ProcessEngine, ProcessDefinitionService, ProcessInstanceService, ProcessValidator, MatterBindingService, ProcessUsageService],
  exports: [ProcessEngine, ProcessDefinitionService, ProcessInstanceService],
})
export class ProcessesModule {}
