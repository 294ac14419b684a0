import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { notFound } from '../common/app-error.js';
import { Department } from './department.entity.js';
import { type LimitUnit, Matter } from './matter.entity.js';
import { RequiredMaterial } from './required-material.entity.js';

export interface MatterSummary {
  id: string;
  code: string;
  name: string;
  department: { id: string; code: string; name: string };
  legalLimitDays: number;
  promisedLimitDays: number;
  limitUnit: LimitUnit;
}

export interface ServiceGuide extends MatterSummary {
  legalBasis: string;
  conditions: string;
  fees: string;
  requiredMaterials: Omit<RequiredMaterial, 'matterId'>[];
}

const MATTER = { zh: '事项', en: 'Matter' };

@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(Matter) private readonly matters: Repository<Matter>,
    @InjectRepository(Department) private readonly departments: Repository<Department>,
    @InjectRepository(RequiredMaterial) private readonly materials: Repository<RequiredMaterial>,
  ) {}

  async listMatters(): Promise<MatterSummary[]> {
    const matters = await this.matters.find({ order: { code: 'ASC' } });
    const departments = await this.departments.findBy({ id: In([...new Set(matters.map((m) => m.departmentId))]) });
    const byId = new Map(departments.map((d) => [d.id, d]));
    return matters.map((matter) => summarise(matter, byId.get(matter.departmentId)!));
  }

  async serviceGuide(matterId: string): Promise<ServiceGuide> {
    const matter = await this.getMatter(matterId);
    const department = await this.departments.findOneByOrFail({ id: matter.departmentId });
    const materials = await this.requiredMaterials(matterId);
    return {
      ...summarise(matter, department),
      legalBasis: matter.legalBasis,
      conditions: matter.conditions,
      fees: matter.fees,
      requiredMaterials: materials.map(({ matterId: _, ...item }) => item),
    };
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

function summarise(matter: Matter, department: Department): MatterSummary {
  return {
    id: matter.id,
    code: matter.code,
    name: matter.name,
    department: { id: department.id, code: department.code, name: department.name },
    legalLimitDays: matter.legalLimitDays,
    promisedLimitDays: matter.promisedLimitDays,
    limitUnit: matter.limitUnit,
  };
}
