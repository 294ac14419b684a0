import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { In, Repository } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../infrastructure/storage/object-storage.js';
import { CatalogQueryDto, type Page } from './catalog-query.dto.js';
import { offsetOf, whereEveryWord } from './catalog-search.js';
import { Department } from './department.entity.js';
import { MaterialTemplate } from './material-template.entity.js';
import { Matter } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';
import { templateDownloadUrl } from './service-guide.js';

/** A template file written to storage, not yet recorded against a material item. */
export type StoredTemplateFile = Pick<MaterialTemplate, 'fileName' | 'contentType' | 'sizeBytes' | 'sha256' | 'storageKey'>;

/** One downloadable form in the forms list (表格下载). */
export interface FormEntry {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  downloadUrl: string;
  material: { id: string; name: string };
  matter: { id: string; code: string; name: string };
  department: { code: string; name: string };
}

interface FormRow extends Omit<FormEntry, 'downloadUrl' | 'material' | 'matter' | 'department' | 'sizeBytes'> {
  sizeBytes: string;
  materialId: string;
  materialName: string;
  matterId: string;
  matterCode: string;
  matterName: string;
  departmentCode: string;
  departmentName: string;
}

export const templateNotFound = () => notFound({ zh: '该材料的空白表格', en: 'A blank form for this material' }, 'TEMPLATE_NOT_FOUND');

/** The blank forms of required materials: their files in object storage, their metadata here. */
@Injectable()
export class MaterialTemplatesService {
  constructor(
    @InjectRepository(MaterialTemplate) private readonly templates: Repository<MaterialTemplate>,
    @InjectRepository(RequiredMaterial) private readonly materials: Repository<RequiredMaterial>,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** The templates of these material items, by item id. */
  async forItems(itemIds: string[]): Promise<Map<string, MaterialTemplate>> {
    const found = itemIds.length === 0 ? [] : await this.templates.findBy({ requiredMaterialId: In(itemIds) });
    return new Map(found.map((template) => [template.requiredMaterialId, template]));
  }

  /** The template of a material item of this matter, with its content. */
  async open(matterId: string, itemId: string): Promise<{ template: MaterialTemplate; body: Readable }> {
    if (!(await this.materials.existsBy({ id: itemId, matterId }))) {
      throw notFound({ zh: '该事项的申请材料项', en: 'Material item of this matter' }, 'MATERIAL_ITEM_NOT_FOUND');
    }
    const template = await this.templates.findOneBy({ requiredMaterialId: itemId });
    if (!template) throw templateNotFound();
    return { template, body: await this.storage.get(template.storageKey) };
  }

  /** Every downloadable form, by matter code and then by the order of the materials in the guide. */
  async list(query: CatalogQueryDto): Promise<Page<FormEntry>> {
    const search = this.templates
      .createQueryBuilder('t')
      .innerJoin(RequiredMaterial, 'r', 'r.id = t.required_material_id')
      .innerJoin(Matter, 'm', 'm.id = r.matter_id')
      .innerJoin(Department, 'd', 'd.id = m.department_id')
      .where(`m.status = 'published'`);
    if (query.department) search.andWhere('d.code = :department', { department: query.department });
    whereEveryWord(search, query.q, ['t.file_name', 'r.name', 'm.name', 'm.code']);
    const total = await search.getCount();
    const rows: FormRow[] = await search
      .select(['t.file_name AS "fileName"', 't.content_type AS "contentType"', 't.size_bytes AS "sizeBytes"', 't.sha256 AS sha256'])
      .addSelect(['t.uploaded_at AS "uploadedAt"', 'r.id AS "materialId"', 'r.name AS "materialName"', 'm.id AS "matterId"'])
      .addSelect(['m.code AS "matterCode"', 'm.name AS "matterName"', 'd.code AS "departmentCode"', 'd.name AS "departmentName"'])
      .orderBy('m.code')
      .addOrderBy('r.position')
      .offset(offsetOf(query))
      .limit(query.pageSize)
      .getRawMany();
    return { items: rows.map(formEntry), total, page: query.page, pageSize: query.pageSize };
  }

  /** Writes a template's file to storage; the caller records it with `MaterialTemplate` (or discards it). */
  async store(fileName: string, contentType: string, content: Buffer): Promise<StoredTemplateFile> {
    const storageKey = `templates/${randomUUID()}`;
    await this.storage.put(storageKey, Readable.from([content]));
    return { fileName, contentType, sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex'), storageKey };
  }

  async discard(file: StoredTemplateFile): Promise<void> {
    await this.storage.remove(file.storageKey);
  }
}

function formEntry(row: FormRow): FormEntry {
  return {
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: Number(row.sizeBytes),
    sha256: row.sha256,
    uploadedAt: row.uploadedAt,
    downloadUrl: templateDownloadUrl(row.matterId, row.materialId),
    material: { id: row.materialId, name: row.materialName },
    matter: { id: row.matterId, code: row.matterCode, name: row.matterName },
    department: { code: row.departmentCode, name: row.departmentName },
  };
}
