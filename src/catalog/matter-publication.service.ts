import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { CatalogTrail } from './catalog-trail.js';
import { MATTER_STATUSES } from './guide-codes.js';
import { lockMatter, referenceProblems } from './matter-references.js';
import { matterProblems } from './matter-rules.js';
import { Matter, type MatterStatus } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';

const ACTIONS = { publish: { zh: '发布', en: 'published' }, withdraw: { zh: '撤回', en: 'withdrawn' } };

const statusConflict = (matter: Matter, action: keyof typeof ACTIONS) =>
  new AppError(
    409,
    'MATTER_STATUS_CONFLICT',
    {
      zh: `事项“${matter.name}”当前为“${MATTER_STATUSES[matter.status]}”，不能${ACTIONS[action].zh}`,
      en: `"${matter.name}" is ${matter.status}: it cannot be ${ACTIONS[action].en} now`,
    },
    { status: matter.status },
  );

/**
 * Publishing puts a matter in the public catalogue and opens it to applications; withdrawing takes it out
 * and stops new applications, while the cases already filed run on under the matter as it was.
 */
@Injectable()
export class MatterPublicationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly trail: CatalogTrail,
  ) {}

  /** A draft or withdrawn matter is published when its guide is whole: every rule holds, its process fits, it lists its materials. */
  async publish(actor: Actor, matterId: string): Promise<{ id: string; status: MatterStatus }> {
    return this.dataSource.transaction(async (tx) => {
      const matter = await lockMatter(tx, matterId);
      if (matter.status === 'published') throw statusConflict(matter, 'publish');
      const problems = [...matterProblems(matter), ...(await referenceProblems(tx, matter))];
      if (!(await tx.existsBy(RequiredMaterial, { matterId }))) {
        problems.push({ field: 'requiredMaterials', problems: ['requiredMaterials must list at least one material: the guide must say what to hand in (Art. 30)'] });
      }
      if (problems.length > 0) {
        throw new AppError(422, 'MATTER_INCOMPLETE', { zh: '事项信息不完整或不符合规则，不能发布', en: 'The matter is incomplete or breaks a rule and cannot be published' }, { fields: problems });
      }
      await tx.update(Matter, { id: matterId }, { status: 'published' });
      await this.trail.record(tx, actor, 'publish', matterId, { from: matter.status });
      return { id: matterId, status: 'published' };
    });
  }

  /** Takes a published matter out of the catalogue; the reason is kept in the trail. */
  async withdraw(actor: Actor, matterId: string, reason: string): Promise<{ id: string; status: MatterStatus }> {
    return this.dataSource.transaction(async (tx) => {
      const matter = await lockMatter(tx, matterId);
      if (matter.status !== 'published') throw statusConflict(matter, 'withdraw');
      await tx.update(Matter, { id: matterId }, { status: 'withdrawn' });
      await this.trail.record(tx, actor, 'withdraw', matterId, {}, reason);
      return { id: matterId, status: 'withdrawn' };
    });
  }
}
