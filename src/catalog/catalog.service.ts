import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { EntityManager, In, Repository } from 'typeorm';
import { AppError, notFound } from '../common/app-error.js';
import { CatalogQueryDto, type Page } from './catalog-query.dto.js';
import { offsetOf, whereEveryWord } from './catalog-search.js';
import { Department } from './department.entity.js';
import type { MaterialTemplate } from './material-template.entity.js';
import { MaterialTemplatesService } from './material-templates.service.js';
import { Matter, type MatterStatus } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';
import { guideMaterial, type MatterSummary, serviceGuide, type ServiceGuide, summarise } from './service-guide.js';

export interface DepartmentSummary {
  id: string;
  code: string;
  name: string;
  matterCount: number;
}

export const MATTER = { zh: '事项', en: 'Matter' };

/** A matter of the catalogue with the department that handles it. */
export interface MatterRow {
  matter: Matter;
  department: Department;
}

/** Why no case can be filed for a matter that is not published, in words an applicant understands. */
function notOpenForFiling(matter: Pick<Matter, 'name' | 'status'>): AppError {
  const message = matter.status === 'withdrawn'
    ? { zh: `事项“${matter.name}”已停止受理，不能申报新的办件；已申报的办件照常办理`, en: `"${matter.name}" no longer takes applications; cases already filed continue` }
    : { zh: `事项“${matter.name}”尚未发布，暂不能申报`, en: `"${matter.name}" is not published yet and cannot be applied for` };
  return new AppError(409, 'MATTER_NOT_PUBLISHED', message, { status: matter.status });
}

@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(Matter) private readonly matters: Repository<Matter>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(RequiredMaterial) private readonly materials: Repository<RequiredMaterial>,
    private readonly templates: MaterialTemplatesService,
  ) {}

  /** Published matters by code, narrowed to a department and to those whose name or code has every word of `q`. */
  async listMatters(query: CatalogQueryDto): Promise<Page<MatterSummary>> {
    const page = await this.findMatters(query, ['published']);
    return { ...page, items: page.items.map(({ matter, department }) => summarise(matter, department)) };
  }

  /** Matters in any of these statuses, by code, with their departments; the catalogue's filters and paging. */
  async findMatters(query: CatalogQueryDto, statuses: readonly MatterStatus[]): Promise<Page<MatterRow>> {
    const search = this.matters
      .createQueryBuilder('m')
      .innerJoin(Department, 'd', 'd.id = m.department_id')
      .where('m.status IN (:...statuses)', { statuses });
    if (query.department) search.andWhere('d.code = :department', { department: query.department });
    whereEveryWord(search, query.q, ['m.name', 'm.code']);
    const [matters, total] = await search.orderBy('m.code').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
    const departments = matters.length === 0 ? [] : await this.departments.findBy({ id: In([...new Set(matters.map((m) => m.departmentId))]) });
    const byId = new Map(departments.map((d) => [d.id, d]));
    return { items: matters.map((matter) => ({ matter, department: byId.get(matter.departmentId)! })), total, page: query.page, pageSize: query.pageSize };
  }

  /** Every department with the number of its published matters. */
  async listDepartments(): Promise<DepartmentSummary[]> {
    const rows: (Omit<DepartmentSummary, 'matterCount'> & { matterCount: string })[] = await this.departments.query(
      `SELECT d.id, d.code, d.name, count(m.id) AS "matterCount"
         FROM departments d LEFT JOIN matters m ON m.department_id = d.id AND m.status = 'published'
        GROUP BY d.id ORDER BY d.code`,
    );
    return rows.map((row) => ({ ...row, matterCount: Number(row.matterCount) }));
  }

  /** The service guide of a published matter; to the public, a matter not published does not exist. */
  async serviceGuide(matterId: string): Promise<ServiceGuide> {
    return this.guideOf(await this.publishedMatter(matterId));
  }

  /** The whole guide of a matter, whatever its status. */
  async guideOf(matter: Matter): Promise<ServiceGuide> {
    const department = await this.departmentOf(matter);
    const items = await this.requiredMaterials(matter.id);
    const templates = await this.templates.forItems(items.map((item) => item.id));
    return serviceGuide(matter, department, items.map((item) => guideMaterial(item, templates.get(item.id))));
  }

  /** The blank form of a required material of a published matter, with its content. */
  async template(matterId: string, itemId: string): Promise<{ template: MaterialTemplate; body: Readable }> {
    await this.publishedMatter(matterId);
    return this.templates.open(matterId, itemId);
  }

  /** A matter in any status (administrators, and cases already filed for it). */
  async getMatter(matterId: string): Promise<Matter> {
    const matter = await this.matters.findOneBy({ id: matterId });
    if (!matter) throw notFound(MATTER, 'MATTER_NOT_FOUND');
    return matter;
  }

  async publishedMatter(matterId: string): Promise<Matter> {
    const matter = await this.matters.findOneBy({ id: matterId, status: 'published' });
    if (!matter) throw notFound(MATTER, 'MATTER_NOT_FOUND');
    return matter;
  }

  /**
   * Inside the transaction that creates a case: refuses unless the matter is published, and holds it so
   * (FOR SHARE) until the case is stored, so that a withdrawal waits for the case or the case for it.
   */
  async assertOpenForFiling(tx: EntityManager, matterId: string): Promise<void> {
    const [matter]: Pick<Matter, 'name' | 'status'>[] = await tx.query(`SELECT name, status FROM matters WHERE id = $1 FOR SHARE`, [matterId]);
    if (!matter) throw notFound(MATTER, 'MATTER_NOT_FOUND');
    if (matter.status !== 'published') throw notOpenForFiling(matter);
  }

  departmentOf(matter: Matter): Promise<Department> {
    return this.departments.findOneByOrFail({ id: matter.departmentId });
  }

  requiredMaterials(matterId: string): Promise<RequiredMaterial[]> {
    return this.materials.find({ where: { matterId }, order: { position: 'ASC' } });
  }
}
