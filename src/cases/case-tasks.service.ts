import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { actionLabel } from './action-labels.js';
import { DoneQueryDto, TodoQueryDto } from './case-tasks.dto.js';
import { LegalClockService } from './legal-clock/legal-clock.service.js';
import { ELIGIBLE_TASK, TASK_DEPARTMENT_JOINS } from './task-eligibility.js';
import { TODO_STAGE_NAMES, TODO_STAGE_OF_TASK, TODO_STAGES, type TodoStage } from './todo-stages.js';
import type { Message } from '../common/app-error.js';

export interface TodoList {
  /** Per stage of the to-do list, every one of them, in the order a case passes them. */
  legalStages: { legalStage: TodoStage; name: Message; count: number }[];
  /** Per step of the processes (their user tasks). */
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
    legalStage: TodoStage;
    role: string;
    /** The department that holds the task: its case's, or the co-department the process names. */
    department: string;
    actions: string[];
    deadline: string | null;
    alert: 'green' | 'yellow' | 'red' | null;
    openedAt: Date;
    claimedBy: { id: string; name: string } | null;
  }[];
}

// Open tasks this person may take (task-eligibility.ts), or only those they claimed.
const OPEN_FOR_ACTOR = `t.closed_at IS NULL AND ${ELIGIBLE_TASK} AND (NOT $4::boolean OR t.assignee_id = $3)`;

/**
 * The staff's to-do list (待办): open tasks of the roles they hold and the departments they serve, with counts
 * per stage. A task belongs to its case's department, or to the one the process names (a co-department's
 * review); a claimed task is listed to its holder only. The done list (已办): the tasks they completed, newest first.
 */
@Injectable()
export class CaseTasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly legalClock: LegalClockService,
  ) {}

  async todo(actor: Actor, query: TodoQueryDto): Promise<TodoList> {
    const roles = actor.roles.filter((role) => role !== 'applicant');
    const who = [roles, actor.departmentCodes, actor.id, query.mine === 'true'];
    // Per step and to-do stage: one step may be of two stages (an acceptance before and after supplementation).
    const counts: { stage: string; stageName: string; legalStage: TodoStage; count: string }[] = await this.dataSource.query(
      `SELECT t.element_id AS stage, t.name AS "stageName", ${TODO_STAGE_OF_TASK} AS "legalStage", count(*) AS count FROM case_tasks t ${TASK_DEPARTMENT_JOINS}
        WHERE ${OPEN_FOR_ACTOR} GROUP BY 1, 2, 3 ORDER BY min(t.opened_at)`,
      who,
    );
    const rows = await this.dataSource.query(
      `SELECT t.id AS "taskId", c.id AS "caseId", c.case_number AS "caseNumber", m.name AS "matterName",
              c.applicant_organisation AS "applicantOrganisation", c.project_name AS "projectName",
              t.element_id AS stage, t.name AS "stageName", ${TODO_STAGE_OF_TASK} AS "legalStage", t.role, coalesce(t.department, d.code) AS department, t.actions, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.opened_at AS "openedAt",
              t.assignee_id AS "assigneeId", u.display_name AS "assigneeName"
         FROM case_tasks t ${TASK_DEPARTMENT_JOINS} LEFT JOIN users u ON u.id = t.assignee_id
        WHERE ${OPEN_FOR_ACTOR} AND ($5::varchar IS NULL OR t.element_id = $5) AND ($6::varchar IS NULL OR ${TODO_STAGE_OF_TASK} = $6)
        ORDER BY t.opened_at, t.id LIMIT $7 OFFSET $8`,
      [...who, query.stage ?? null, query.legalStage ?? null, query.limit, query.offset],
    );
    const items = rows.map(({ assigneeId, assigneeName, ...row }: { assigneeId: string | null; assigneeName: string | null }) => ({
      ...row, claimedBy: assigneeId ? { id: assigneeId, name: assigneeName } : null,
    }));
    const sum = (rows: typeof counts) => rows.reduce((total, row) => total + Number(row.count), 0);
    const steps = [...new Map(counts.map((row) => [row.stage, row.stageName])).entries()];
    return {
      legalStages: TODO_STAGES.map((legalStage) => ({ legalStage, name: TODO_STAGE_NAMES[legalStage], count: sum(counts.filter((row) => row.legalStage === legalStage)) })),
      counts: steps.map(([stage, stageName]) => ({ stage, stageName, count: sum(counts.filter((row) => row.stage === stage)) })),
      total: sum(counts.filter((row) => (!query.stage || row.stage === query.stage) && (!query.legalStage || row.legalStage === query.legalStage))),
      items: await this.legalClock.taskAlerts(items),
    };
  }

  /** 已办: the tasks this person completed, newest first, with the action they took. */
  async done(actor: Actor, query: DoneQueryDto) {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM case_tasks WHERE closed_by = $1`, [actor.id]);
    const rows: { action: string }[] = await this.dataSource.query(
      `SELECT t.id AS "taskId", c.id AS "caseId", c.case_number AS "caseNumber", m.name AS "matterName", c.project_name AS "projectName",
              t.element_id AS stage, t.name AS "stageName", t.closing_action AS action, t.closed_at AS "closedAt",
              c.stage AS "caseStage", c.stage_name AS "caseStageName", c.status AS "caseStatus"
         FROM case_tasks t JOIN cases c ON c.id = t.case_id JOIN matters m ON m.id = c.matter_id
        WHERE t.closed_by = $1 ORDER BY t.closed_at DESC, t.id LIMIT $2 OFFSET $3`,
      [actor.id, query.limit, query.offset],
    );
    return { total, items: rows.map((row) => ({ ...row, actionName: actionLabel(row.action) })) };
  }
}
