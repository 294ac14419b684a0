import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { ProcessDefinitionService } from './process-definition.service.js';

/** Which process a matter's new cases run: a matter names a process key, and the key's active version is taken. */
@Injectable()
export class MatterBindingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: ProcessDefinitionService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async bind(actor: Actor, matterId: string, processKey: string) {
    if (!(await this.definitions.exists(processKey))) {
      throw new AppError(422, 'PROCESS_NOT_FOUND', { zh: `流程 ${processKey} 不存在，请先上传`, en: `Process ${processKey} does not exist; upload it first` }, {
        fields: [{ field: 'processKey', problems: [`no process has the key ${processKey}`] }],
      });
    }
    await this.dataSource.transaction(async (tx) => {
      const [, updated] = await tx.query(`UPDATE matters SET process_key = $1 WHERE id = $2`, [processKey, matterId]);
      if (!updated) throw notFound({ zh: '事项', en: 'Matter' });
      await this.audit.append(tx, {
        caseId: null, action: 'process.bind', actorId: actor.id, actorName: actor.displayName, actorRole: 'process_designer',
        stageFrom: null, stageTo: null, comment: null, commandId: null, details: { matterId, processKey }, at: this.clock.now(),
      });
    });
    const active = await this.definitions.active(processKey);
    return { matterId, processKey, activeVersion: active.version };
  }
}
