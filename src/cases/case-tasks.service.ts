import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { TodoQueryDto } from './case-tasks.dto.js';
import { LegalClockService } from './legal-clock/legal-clock.service.js';

export interface TodoList {
  counts: { stage: string; stageName: string; count: number }[];
  total: number;
  items: {
    taskId: string;
    caseId: string;
    caseNumber: string;
    matterName: string;
    applicantOrganisation: string;
    projectName: string;
    stage: string;
    stageName: string;
    role: string;
    department: string | null;
    actions: string[];
    deadline: string | null;
    alert: 'green' | 'yellow' | 'red' | null;
    openedAt: Date;
  }[];
}

/**
 * The staff's to-do list (待办): open tasks of the roles they hold, with counts per stage. A task meant for one
 * department (a co-department's review) is listed to that department's staff only.
 */
@Injectable()
export class CaseTasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly legalClock: LegalClockService,
  ) {}

  async todo(actor: Actor, query: TodoQueryDto): Promise<TodoList> {
    const roles = actor.roles.filter((role) => role !== 'applicant');
    const counts: { stage: string; stageName: string; count: string }[] = await this.dataSource.query(
      `SELECT element_id AS stage, name AS "stageName", count(*) AS count FROM case_tasks
        WHERE closed_at IS NULL AND role = ANY($1) AND (department IS NULL OR department = $2)
        GROUP BY element_id, name ORDER BY min(opened_at)`,
      [roles, actor.departmentCode],
    );
    const items = await this.dataSource.query(
      `SELECT t.id AS "taskId", c.id AS "caseId", c.case_number AS "caseNumber", m.name AS "matterName",
              c.applicant_organisation AS "applicantOrganisation", c.project_name AS "projectName",
              t.element_id AS stage, t.name AS "stageName", t.role, t.department, t.actions, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.opened_at AS "openedAt"
         FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN matters m ON m.id = c.matter_id
        WHERE t.closed_at IS NULL AND t.role = ANY($1) AND (t.department IS NULL OR t.department = $5)
          AND ($2::varchar IS NULL OR t.element_id = $2)
        ORDER BY t.opened_at, t.id LIMIT $3 OFFSET $4`,
      [roles, query.stage ?? null, query.limit, query.offset, actor.departmentCode],
    );
    const shown = counts.filter((row) => !query.stage || row.stage === query.stage);
    return {
      counts: counts.map((row) => ({ ...row, count: Number(row.count) })),
      total: shown.reduce((sum, row) => sum + Number(row.count), 0),
      items: await this.legalClock.taskAlerts(items),
    };
  }
}
