import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProcessDefinitionService } from './process-definition.service.js';

interface BoundMatterRow {
  id: string;
  code: string;
  name: string;
  status: string;
  department_code: string;
  department_name: string;
}

interface RunningCaseRow {
  id: string;
  case_number: string;
  matter_name: string;
  stage: string;
  stage_name: string;
  created_at: Date;
  waiting_at: string[];
  total: string;
}

/**
 * What uses a process, for its designers: the matters bound to it, whatever their status, and the open cases
 * running on each version. Read in SQL over the catalogue's and the cases' tables, which this module may not import.
 */
@Injectable()
export class ProcessUsageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly definitions: ProcessDefinitionService,
  ) {}

  /** Every matter bound to the process, with the version its new cases take. 404 for an unknown process. */
  async matters(key: string) {
    const versions = await this.definitions.versions(key);
    const active = versions.find((version) => version.active)?.version ?? null;
    const rows: BoundMatterRow[] = await this.dataSource.query(
      `SELECT m.id, m.code, m.name, m.status, d.code AS department_code, d.name AS department_name
         FROM matters m JOIN departments d ON d.id = m.department_id
        WHERE m.process_key = $1 ORDER BY m.code`,
      [key],
    );
    return rows.map((row) => ({
      id: row.id, code: row.code, name: row.name, status: row.status,
      department: { code: row.department_code, name: row.department_name }, activeVersion: active,
    }));
  }

  /** The open cases running on one version, newest first, each with where it waits (its open tasks and pending service tasks). */
  async runningCases(key: string, version: number, page: { page: number; pageSize: number }) {
    const definition = await this.definitions.version(key, version);
    const rows: RunningCaseRow[] = await this.dataSource.query(
      `SELECT c.id, c.case_number, m.name AS matter_name, c.stage, c.stage_name, c.created_at, count(*) OVER () AS total,
              array(SELECT t.element_id FROM case_tasks t WHERE t.case_id = c.id AND t.closed_at IS NULL
                    UNION SELECT r.element_id FROM service_runs r WHERE r.case_id = c.id AND r.status = 'pending' ORDER BY 1)::text[] AS waiting_at
         FROM cases c JOIN matters m ON m.id = c.matter_id
        WHERE c.process_definition_id = $1 AND c.status = 'open'
        ORDER BY c.created_at DESC, c.id DESC LIMIT $2 OFFSET $3`,
      [definition.id, page.pageSize, (page.page - 1) * page.pageSize],
    );
    const total = rows.length ? Number(rows[0].total) : await this.countOpen(definition.id, page.page);
    return {
      items: rows.map((row) => ({
        caseId: row.id, caseNumber: row.case_number, matterName: row.matter_name, stage: row.stage, stageName: row.stage_name,
        createdAt: row.created_at, waitingAt: row.waiting_at,
      })),
      total, page: page.page, pageSize: page.pageSize,
    };
  }

  /** A page past the end has no row to carry the total: count on its own, but not for an empty first page. */
  private async countOpen(definitionId: string, page: number): Promise<number> {
    if (page === 1) return 0;
    const [{ total }] = await this.dataSource.query(`SELECT count(*) AS total FROM cases WHERE process_definition_id = $1 AND status = 'open'`, [definitionId]);
    return Number(total);
  }
}
