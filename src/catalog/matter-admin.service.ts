import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { CatalogService } from './catalog.service.js';
import { changesOf } from '../common/changes.js';
import { CatalogTrail } from './catalog-trail.js';
import type { Page } from './catalog-query.dto.js';
import { MATTER_STATUSES } from './guide-codes.js';
import { AdminMatterQuery, MatterDto, UpdateMatterDto } from './matter-admin.dto.js';
import { assertDepartmentMayChange, codeTaken, lockMatter, referenceProblems, rethrowConflict } from './matter-references.js';
import { assertNoProblems, matterProblems, type MatterFields } from './matter-rules.js';
import { Matter, MATTER_STATUS_VALUES } from './matter.entity.js';
import { summarise, type MatterSummary, type ServiceGuide } from './service-guide.js';

/** What administrators see of a matter besides its guide: where it stands, its process and its warning days. */
interface AdminFields {
  status: string;
  statusName: string;
  processKey: string;
  warningWorkingDays: number;
}

const adminFields = (matter: Matter): AdminFields => ({
  status: matter.status,
  statusName: MATTER_STATUSES[matter.status],
  processKey: matter.processKey,
  warningWorkingDays: matter.warningWorkingDays,
});

/** Only the fields an edit gives: an absent one stays as it is. */
const given = <T extends object>(dto: T): Partial<T> =>
  Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<T>;

/**
 * Administrators create and edit matters with their whole service guide. A new matter is a draft, which the
 * public does not see until it is published (MatterPublicationService). Every change is checked against
 * the rules between its fields and what it names, and recorded in the trail in its own transaction.
 */
@Injectable()
export class MatterAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly catalog: CatalogService,
    private readonly trail: CatalogTrail,
  ) {}

  /** Matters in every status (or one), with the catalogue's filters. */
  async list(query: AdminMatterQuery): Promise<Page<MatterSummary & AdminFields>> {
    const page = await this.catalog.findMatters(query, query.status ? [query.status] : MATTER_STATUS_VALUES);
    return { ...page, items: page.items.map(({ matter, department }) => ({ ...summarise(matter, department), ...adminFields(matter) })) };
  }

  async view(matterId: string): Promise<ServiceGuide & AdminFields> {
    return this.present(await this.catalog.getMatter(matterId));
  }

  async create(actor: Actor, dto: MatterDto): Promise<ServiceGuide & AdminFields> {
    const fields: MatterFields = { ...dto, feeBasis: dto.feeBasis ?? null, siteVisitReason: dto.siteVisitReason ?? null };
    const matterId = await this.dataSource
      .transaction(async (tx) => {
        await this.assertValid(tx, fields);
        if (await tx.existsBy(Matter, { code: fields.code })) throw codeTaken(fields.code);
        const { identifiers } = await tx.insert(Matter, { ...fields, status: 'draft' });
        const id = identifiers[0].id as string;
        await this.trail.record(tx, actor, 'create', id, { code: fields.code, name: fields.name });
        return id;
      })
      .catch((error: unknown) => rethrowConflict(error, { uq_matters_code: () => codeTaken(fields.code) }));
    return this.view(matterId);
  }

  /** Changes the fields given; the matter as it would then be must still satisfy every rule. */
  async update(actor: Actor, matterId: string, dto: UpdateMatterDto): Promise<ServiceGuide & AdminFields> {
    const edit = given(dto);
    await this.dataSource
      .transaction(async (tx) => {
        const { id: _, status: __, ...before } = await lockMatter(tx, matterId);
        await this.assertValid(tx, { ...before, ...edit });
        if (edit.code !== undefined && edit.code !== before.code && (await tx.existsBy(Matter, { code: edit.code }))) throw codeTaken(edit.code);
        if (edit.departmentId !== undefined) await assertDepartmentMayChange(tx, { id: matterId, departmentId: before.departmentId }, edit.departmentId);
        const changes = changesOf(before, edit);
        if (Object.keys(changes).length === 0) return;
        await tx.update(Matter, { id: matterId }, edit);
        await this.trail.record(tx, actor, 'update', matterId, { changes });
      })
      .catch((error: unknown) => rethrowConflict(error, { uq_matters_code: () => codeTaken(edit.code ?? '') }));
    return this.view(matterId);
  }

  async history(matterId: string) {
    await this.catalog.getMatter(matterId);
    return this.trail.history(matterId);
  }

  private async assertValid(tx: EntityManager, fields: MatterFields): Promise<void> {
    assertNoProblems([...matterProblems(fields), ...(await referenceProblems(tx, fields))]);
  }

  private async present(matter: Matter): Promise<ServiceGuide & AdminFields> {
    return { ...(await this.catalog.guideOf(matter)), ...adminFields(matter) };
  }
}
