import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { changesOf } from '../common/changes.js';
import { CatalogTrail } from './catalog-trail.js';
import { MaterialItemDto, MaterialOrderDto, UpdateMaterialItemDto } from './material-item.dto.js';
import { MaterialTemplate } from './material-template.entity.js';
import { lockMatter, rethrowConflict } from './matter-references.js';
import { assertNoProblems, materialItemProblems, type MaterialItemFields } from './matter-rules.js';
import { RequiredMaterial } from './required-material.entity.js';
import { type GuideMaterial, guideMaterial } from './service-guide.js';
import { removeQuietly } from '../infrastructure/storage/stored-file-cleanup.js';

export const ITEM = { zh: '该事项的申请材料项', en: 'Material item of this matter' };

const nameTaken = (name: string) =>
  new AppError(409, 'MATERIAL_ITEM_NAME_TAKEN', { zh: `该事项已有名为“${name}”的材料`, en: `The matter already lists a material named "${name}"` }, {
    fields: [{ field: 'name', problems: [`name "${name}" is already the name of another material of this matter`] }],
  });

const inUse = (item: RequiredMaterial, cases: number) =>
  new AppError(
    409,
    'MATERIAL_ITEM_IN_USE',
    {
      zh: `材料“${item.name}”已有 ${cases} 个办件提交或被要求补正，不能删除，否则这些办件将失去材料清单中的该项；可改为非必要材料或修改说明`,
      en: `"${item.name}" was handed in or asked for by ${cases} case(s) and cannot be deleted, or they would lose it from their checklist; make it optional or change its description instead`,
    },
    { cases },
  );

/** The item of this matter, or 404. */
export async function itemOf(manager: EntityManager, matterId: string, itemId: string): Promise<RequiredMaterial> {
  const item = await manager.findOneBy(RequiredMaterial, { id: itemId, matterId });
  if (!item) throw notFound(ITEM, 'MATERIAL_ITEM_NOT_FOUND');
  return item;
}

/**
 * A matter's list of application materials: add, edit, reorder and remove items. Each change locks the
 * matter, so that positions and names stay consistent, and is recorded in the trail in its transaction.
 */
@Injectable()
export class MaterialItemsService {
  private readonly logger = new Logger(MaterialItemsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly trail: CatalogTrail,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** Adds an item at the end of the list. */
  async add(actor: Actor, matterId: string, dto: MaterialItemDto): Promise<GuideMaterial> {
    const fields: MaterialItemFields = { ...dto, issuer: dto.issuer ?? null, fillingNotes: dto.fillingNotes ?? null };
    assertNoProblems(materialItemProblems(fields));
    return this.changing(fields.name, async (tx) => {
      await lockMatter(tx, matterId);
      await assertNameFree(tx, matterId, fields.name);
      const [{ next }] = await tx.query(`SELECT COALESCE(MAX(position) + 1, 0) AS next FROM required_materials WHERE matter_id = $1`, [matterId]);
      const { identifiers } = await tx.insert(RequiredMaterial, { ...fields, matterId, position: Number(next) });
      const item = await tx.findOneByOrFail(RequiredMaterial, { id: identifiers[0].id as string });
      await this.trail.record(tx, actor, 'material.add', matterId, { itemId: item.id, name: item.name });
      return guideMaterial(item, undefined);
    });
  }

  /** Changes the fields given; the item as it would then be must satisfy every rule. */
  async update(actor: Actor, matterId: string, itemId: string, dto: UpdateMaterialItemDto): Promise<GuideMaterial> {
    const edit = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<MaterialItemFields>;
    return this.changing(edit.name ?? '', async (tx) => {
      await lockMatter(tx, matterId);
      const item = await itemOf(tx, matterId, itemId);
      assertNoProblems(materialItemProblems({ ...item, ...edit }));
      if (edit.name !== undefined && edit.name !== item.name) await assertNameFree(tx, matterId, edit.name);
      const changes = changesOf(item, edit);
      if (Object.keys(changes).length > 0) {
        await tx.update(RequiredMaterial, { id: itemId }, edit);
        await this.trail.record(tx, actor, 'material.update', matterId, { itemId, changes });
      }
      const template = await tx.findOneBy(MaterialTemplate, { requiredMaterialId: itemId });
      return guideMaterial({ ...item, ...edit }, template ?? undefined);
    });
  }

  /** Puts the items in the order given, which must name each of them once. */
  async reorder(actor: Actor, matterId: string, dto: MaterialOrderDto): Promise<{ id: string; name: string; position: number }[]> {
    return this.dataSource.transaction(async (tx) => {
      await lockMatter(tx, matterId);
      const items = await tx.find(RequiredMaterial, { where: { matterId }, order: { position: 'ASC' } });
      assertWholeOrder(items, dto.itemIds);
      const before = items.map((item) => item.id);
      if (before.join() !== dto.itemIds.join()) {
        for (const [position, id] of dto.itemIds.entries()) await tx.update(RequiredMaterial, { id }, { position });
        await this.trail.record(tx, actor, 'material.reorder', matterId, { from: before, to: dto.itemIds });
      }
      const byId = new Map(items.map((item) => [item.id, item]));
      return dto.itemIds.map((id, position) => ({ id, name: byId.get(id)!.name, position }));
    });
  }

  /**
   * Deletes an item no case has used. One that a case handed in, or was asked to supplement, stays (409):
   * the case's checklist, frozen rounds and notices all point at it (see the README for why it is not hidden instead).
   */
  async remove(actor: Actor, matterId: string, itemId: string): Promise<void> {
    const template = await this.dataSource.transaction(async (tx) => {
      await lockMatter(tx, matterId);
      const item = await itemOf(tx, matterId, itemId);
      const cases = await casesUsing(tx, itemId);
      if (cases > 0) throw inUse(item, cases);
      const stored = await tx.findOneBy(MaterialTemplate, { requiredMaterialId: itemId });
      await tx.delete(RequiredMaterial, { id: itemId });
      await this.trail.record(tx, actor, 'material.remove', matterId, { itemId, name: item.name, template: stored?.fileName ?? null });
      return stored;
    });
    // The template's row went with the item (ON DELETE CASCADE); its file goes once that is committed.
    if (template) await removeQuietly(this.storage, template.storageKey, this.logger);
  }

  /** A transaction whose unique name may race another's: the database's refusal becomes the 409 it means. */
  private changing<T>(name: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work).catch((error: unknown) => rethrowConflict(error, { uq_required_materials_matter_name: () => nameTaken(name) }));
  }
}

async function assertNameFree(tx: EntityManager, matterId: string, name: string): Promise<void> {
  if (await tx.existsBy(RequiredMaterial, { matterId, name })) throw nameTaken(name);
}

/** How many cases hold a file of the item or were told to supplement it. */
async function casesUsing(tx: EntityManager, itemId: string): Promise<number> {
  const [{ count }] = await tx.query(
    `SELECT count(*) AS count FROM (
       SELECT case_id FROM case_materials WHERE required_material_id = $1
       UNION
       SELECT n.case_id FROM supplementation_notices n, jsonb_array_elements(n.items) i WHERE i ->> 'requiredMaterialId' = $1::text
     ) used`,
    [itemId],
  );
  return Number(count);
}

function assertWholeOrder(items: RequiredMaterial[], itemIds: string[]): void {
  const missing = items.filter((item) => !itemIds.includes(item.id));
  const unknown = itemIds.filter((id) => !items.some((item) => item.id === id));
  const problems = [
    ...(missing.length ? [`itemIds must include every item of the matter; missing: ${missing.map((item) => item.name).join(', ')}`] : []),
    ...(unknown.length ? [`itemIds must only name items of this matter; not of it: ${unknown.join(', ')}`] : []),
  ];
  if (problems.length) assertNoProblems([{ field: 'itemIds', problems }]);
}
