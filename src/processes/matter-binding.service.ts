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
    const active = await this.definitions.active(processKey);
    await this.dataSource.transaction(async (tx) => {
      const [matter]: { kind: string }[] = await tx.query(`SELECT kind FROM matters WHERE id = $1 FOR UPDATE`, [matterId]);
      if (!matter) throw notFound({ zh: '事项', en: 'Matter' });
      // The matter's kind fixes the stages the law requires of its cases: a process of another kind cannot run them.
      if (matter.kind !== active.kind) throw kindMismatch(processKey, active.kind, matter.kind);
      await tx.query(`UPDATE matters SET process_key = $1 WHERE id = $2`, [processKey, matterId]);
      await this.audit.append(tx, {
        caseId: null, action: 'process.bind', actorId: actor.id, actorName: actor.displayName, actorRole: 'process_designer',
        stageFrom: null, stageTo: null, comment: null, commandId: null, details: { matterId, processKey }, at: this.clock.now(),
      });
    });
    return { matterId, processKey, activeVersion: active.version };
  }
}

const kindMismatch = (processKey: string, processKind: string, matterKind: string) =>
  new AppError(
    422,
    'PROCESS_KIND_MISMATCH',
    { zh: `流程 ${processKey} 的类型为 ${processKind}，与事项的类型 ${matterKind} 不符`, en: `Process ${processKey} is of the kind ${processKind}, the matter of the kind ${matterKind}` },
    { fields: [{ field: 'processKey', problems: [`processKey must name a process of the kind ${matterKind}`] }], processKind, matterKind },
  );
