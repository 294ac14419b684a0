import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor, assertRole } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import type { Role } from '../identity/user.entity.js';
import { figuresOf, type StatisticsReport } from './statistics-figures.js';
import { type RawFigures, type StatisticsScope, statisticsParameters, statisticsSql } from './statistics-query.js';
import { type Grouping, GROUPINGS, type StatisticsQuery } from './statistics.dto.js';

const SEE_ALL: readonly Role[] = ['supervisor', 'administrator'];
const SEE_OWN_DEPARTMENTS: readonly Role[] = ['decider', 'reviewer'];
const WHO = { zh: '电子监察员、管理员和本部门的审查、审批人员', en: 'supervisors, administrators, and reviewers and deciders of their own departments' };

@Injectable()
export class StatisticsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The figures of the period, grouped as asked. */
  async report(actor: Actor, query: StatisticsQuery): Promise<StatisticsReport> {
    return this.run(this.scopeOf(actor, query, query.groupBy));
  }

  /** The figures under each grouping, the one asked for first: the workbook has a sheet for each. */
  async reportsPerGrouping(actor: Actor, query: StatisticsQuery): Promise<StatisticsReport[]> {
    const order: Grouping[] = [query.groupBy, ...GROUPINGS.filter((grouping) => grouping !== query.groupBy)];
    const reports: StatisticsReport[] = [];
    for (const grouping of order) reports.push(await this.run(this.scopeOf(actor, query, grouping)));
    return reports;
  }

  private async run(scope: StatisticsScope): Promise<StatisticsReport> {
    const raw: RawFigures[] = await this.dataSource.query(statisticsSql(scope.groupBy), statisticsParameters(scope));
    const totals = raw.find((row) => row.is_total)!;
    const rows = raw.filter((row) => !row.is_total).map((row) => ({ key: row.key!, name: row.name!, month: row.month, ...figuresOf(row) }));
    return { from: scope.from, to: scope.to, groupBy: scope.groupBy, rows, totals: figuresOf(totals) };
  }

  /** Supervisors and administrators see every department; reviewers and deciders only those they serve. */
  private scopeOf(actor: Actor, query: StatisticsQuery, groupBy: Grouping): StatisticsScope {
    assertRole(actor, [...SEE_ALL, ...SEE_OWN_DEPARTMENTS], WHO);
    const period = { from: query.from, to: query.to, matterId: query.matterId ?? null, groupBy, byMonth: query.byMonth === 'true' };
    const asked = query.department;
    if (SEE_ALL.some((role) => actor.roles.includes(role))) return { ...period, departmentCodes: asked ? [asked] : null };
    if (asked && !actor.departmentCodes.includes(asked)) {
      throw new AppError(403, 'DEPARTMENT_NOT_SERVED', {
        zh: `您不在部门 ${asked} 任职，不能查看其统计`,
        en: `You do not serve department ${asked}, so you cannot see its statistics`,
      }, { department: asked, yourDepartments: actor.departmentCodes });
    }
    return { ...period, departmentCodes: asked ? [asked] : actor.departmentCodes };
  }
}
