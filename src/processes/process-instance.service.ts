import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EngineStep } from './engine/process-engine.js';
import { ProcessInstance } from './process-instance.entity.js';

/** Saves and loads a case's engine state, always inside the caller's transaction. */
@Injectable()
export class ProcessInstanceService {
  async save(tx: EntityManager, caseId: string, definitionId: string, step: EngineStep): Promise<void> {
    await tx.upsert(ProcessInstance, { caseId, definitionId, engineVersion: step.engineVersion, state: step.state }, ['caseId']);
  }

  async load(tx: EntityManager, caseId: string): Promise<ProcessInstance> {
    return tx.findOneByOrFail(ProcessInstance, { caseId });
  }
}
