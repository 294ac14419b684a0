import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProcessEngine } from './engine/process-engine.js';
import { ProcessDefinition } from './process-definition.entity.js';
import { ProcessDefinitionService } from './process-definition.service.js';
import { ProcessInstance } from './process-instance.entity.js';
import { ProcessInstanceService } from './process-instance.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProcessDefinition, ProcessInstance])],
  providers: [ProcessEngine, ProcessDefinitionService, ProcessInstanceService],
  exports: [ProcessEngine, ProcessDefinitionService, ProcessInstanceService],
})
export class ProcessesModule {}
