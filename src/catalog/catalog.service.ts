import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { In, Repository } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { CatalogQueryDto, type Page } from './catalog-query.dto.js';
import { offsetOf, whereEveryWord } from './catalog-search.js';
import { Department } from './department.entity.js';
import type { MaterialTemplate } from './material-template.entity.js';
import { MaterialTemplatesService } from './material-templates.service.js';
import { Matter } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';
import { guideMaterial, type MatterSummary, serviceGuide, type ServiceGuide, summarise } from './service-guide.js';

export interface DepartmentSummary {
  id: string;
  code: string;
  name: string;
  matterCount: number;
}

const MATTER = { zh: '事项', en: 'Matter' };

@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(Matter) private readonly matters: Repository<Matter>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(RequiredMaterial) private readonly materials: Repository<RequiredMaterial>,
    private readonly templates: MaterialTemplatesService,
  ) {}

  /** Matters by code, narrowed to a department and to those whose name or code has every word of `q`. */
  async listMatters(query: CatalogQueryDto): Promise<Page<MatterSummary>> {
    const search = this.matters.createQueryBuilder('m').innerJoin(Department, 'd', 'd.id = m.department_id');
    if (query.department) search.andWhere('d.code = :department', { department: query.department });
    whereEveryWord(search, query.q, ['m.name', 'm.code']);
    const [matters, total] = await search.orderBy('m.code').skip(offsetOf(query)).take(query.pageSize).getManyAndCount();
    const departments = matters.length === 0 ? [] : await this.departments.findBy({ id: In([...new Set(matters.map((m) => m.departmentId))]) });
    const byId = new Map(departments.map((d) => [d.id, d]));
    return { items: matters.map((matter) => summarise(matter, byId.get(matter.departmentId)!)), total, page: query.page, pageSize: query.pageSize };
  }

  async listDepartments(): Promise<DepartmentSummary[]> {
    const rows: (Omit<DepartmentSummary, 'matterCount'> & { matterCount: string })[] = await this.departments.query(
      `SELECT d.id, d.code, d.name, count(m.id) AS "matterCount"
         FROM departments d LEFT JOIN matters m ON m.department_id = d.id
        GROUP BY d.id ORDER BY d.code`,
    );
    return rows.map((row) => ({ ...row, matterCount: Number(row.matterCount) }));
  }

  async serviceGuide(matterId: string): Promise<ServiceGuide> {
    const matter = await this.getMatter(matterId);
    const department = await this.departmentOf(matter);
    const items = await this.requiredMaterials(matterId);
    const templates = await this.templates.forItems(items.map((item) => item.id));
    return serviceGuide(matter, department, items.map((item) => guideMaterial(item, templates.get(item.id))));
  }

  /** The blank form of a required material of this matter, with its content. */
  async template(matterId: string, itemId: string): Promise<{ template: MaterialTemplate; body: Readable }> {
    await this.getMatter(matterId);
    return this.templates.open(matterId, itemId);
  }

  async getMatter(matterId: string): Promise<Matter> {
    const matter = await this.matters.findOneBy({ id: matterId });
    if (!matter) throw notFound(MATTER, 'MATTER_NOT_FOUND');
    return matter;
  }

  departmentOf(matter: Matter): Promise<Department> {
    return this.departments.findOneByOrFail({ id: matter.departmentId });
  }

  requiredMaterials(matterId: string): Promise<RequiredMaterial[]> {
    return this.materials.find({ where: { matterId }, order: { position: 'ASC' } });
  }
}
