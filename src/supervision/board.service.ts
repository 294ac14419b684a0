import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dateInShanghai, type CalendarDate } from '../calendar/calendar-date.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { type Actor, assertRole, SUPERVISORS } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import { signedDays } from '../cases/legal-clock/clock-view.js';
import type { TodoStage } from '../cases/todo-stages.js';
import { BOARD_ALERTS, type BoardAlert, BoardQueryDto } from './board.dto.js';
import { casesMoved, type UrgeSnapshot } from './urge-moves.js';

// Red first, then yellow, then green: the same expression as the board's indexes (migration 1798100000000), so they serve the order.
const URGENCY = `(CASE k.alert WHEN 'red' THEN 0 WHEN 'yellow' THEN 1 ELSE 2 END)`;
const URGENCY_OF: Record<BoardAlert, number> = { red: 0, yellow: 1, green: 2 };
// A running clock: the predicate of the board's partial indexes, written the same way.
const RUNNING = `k.alert IN ('green', 'yellow', 'red')`;

interface BoardRow {
  caseId: string;
  caseNumber: string;
  matterId: string;
  matterName: string;
  departmentCode: string;
  departmentName: string;
  stage: string;
  stageName: string;
  legalStage: TodoStage | null;
  alert: BoardAlert;
  promisedDeadline: CalendarDate | null;
  legalDeadline: CalendarDate | null;
  urgeCount: number;
  lastUrgedAt: Date | null;
}

interface OpenTask {
  caseId: string;
  taskId: string;
  holderId: string | null;
  holderName: string | null;
}

/** A WHERE clause under construction: conditions and their parameters. */
class Conditions {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [RUNNING];

  add(clause: (param: string) => string, value: unknown): this {
    this.params.push(value);
    this.clauses.push(clause(`$${this.params.length}`));
    return this;
  }

  get sql(): string {
    return this.clauses.join(' AND ');
  }
}

/**
 * The supervisors' board (电子监察): the open cases whose legal clock runs, most urgent first, with who holds
 * them and whether urging moved them. Filters and order read only case_clocks through its partial indexes; the
 * page's rows alone are then joined to their case, matter and department, and their working days counted in
 * memory on the calendar.
 */
@Injectable()
export class BoardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async board(actor: Actor, query: BoardQueryDto) {
    assertRole(actor, ['supervisor', 'administrator'], SUPERVISORS);
    const { page, pageSize } = query;
    const filters = await this.filters(query);
    const counts = filters ? await this.counts(filters) : { green: 0, yellow: 0, red: 0 };
    const alerts: readonly BoardAlert[] = query.alert?.length ? query.alert : BOARD_ALERTS;
    const total = alerts.reduce((sum, alert) => sum + counts[alert], 0);
    const rows = filters && total > (page - 1) * pageSize ? await this.rows(filters, alerts, page, pageSize) : [];
    return { items: await this.present(rows), total, page, pageSize, counts };
  }

  /** The conditions of every filter but the colour; null when the department named does not exist, so that nothing matches. */
  private async filters({ department, matterId, legalStage, urged }: BoardQueryDto): Promise<Conditions | null> {
    const conditions = new Conditions();
    if (department) {
      const [found] = await this.dataSource.query(`SELECT id FROM departments WHERE code = $1`, [department]);
      if (!found) return null;
      conditions.add((p) => `k.department_id = ${p}`, found.id);
    }
    if (matterId) conditions.add((p) => `k.matter_id = ${p}`, matterId);
    if (legalStage) conditions.add((p) => `k.todo_stage = ${p}`, legalStage);
    if (urged) conditions.add((p) => (urged === 'true' ? `k.urge_count > ${p}` : `k.urge_count = ${p}`), 0);
    return conditions;
  }

  private async counts(filters: Conditions): Promise<Record<BoardAlert, number>> {
    const found: { alert: BoardAlert; count: number }[] = await this.dataSource.query(
      `SELECT k.alert, count(*)::int AS count FROM case_clocks k WHERE ${filters.sql} GROUP BY k.alert`,
      filters.params,
    );
    const counts = { green: 0, yellow: 0, red: 0 };
    for (const { alert, count } of found) counts[alert] = count;
    return counts;
  }

  private rows(filters: Conditions, alerts: readonly BoardAlert[], page: number, pageSize: number): Promise<BoardRow[]> {
    const params = [...filters.params, alerts.map((alert) => URGENCY_OF[alert]), pageSize, (page - 1) * pageSize];
    const n = filters.params.length;
    return this.dataSource.query(
      `WITH page AS MATERIALIZED (
         SELECT k.case_id, ${URGENCY} AS urgency, k.promised_deadline FROM case_clocks k
          WHERE ${filters.sql} AND ${URGENCY} = ANY($${n + 1}::int[])
          ORDER BY ${URGENCY}, k.promised_deadline, k.case_id LIMIT $${n + 2} OFFSET $${n + 3})
       SELECT k.case_id AS "caseId", c.case_number AS "caseNumber", k.matter_id AS "matterId", m.name AS "matterName",
              d.code AS "departmentCode", d.name AS "departmentName", c.stage, c.stage_name AS "stageName", k.todo_stage AS "legalStage",
              k.alert, to_char(k.promised_deadline, 'YYYY-MM-DD') AS "promisedDeadline", to_char(k.legal_deadline, 'YYYY-MM-DD') AS "legalDeadline",
              k.urge_count AS "urgeCount", k.last_urged_at AS "lastUrgedAt"
         FROM page p JOIN case_clocks k ON k.case_id = p.case_id JOIN cases c ON c.id = k.case_id
         JOIN matters m ON m.id = k.matter_id JOIN departments d ON d.id = k.department_id
        ORDER BY p.urgency, p.promised_deadline, p.case_id`,
      params,
    );
  }

  /** The page's rows with the working days left on today's calendar, who holds each, and whether it moved since its last urge. */
  private async present(rows: BoardRow[]) {
    if (!rows.length) return [];
    const ids = rows.map((row) => row.caseId);
    const calendar = await this.calendar.current();
    const today = dateInShanghai(this.clock.now());
    const tasks: OpenTask[] = await this.dataSource.query(
      `SELECT t.case_id AS "caseId", t.id AS "taskId", t.assignee_id AS "holderId", u.display_name AS "holderName"
         FROM case_tasks t LEFT JOIN users u ON u.id = t.assignee_id
        WHERE t.case_id = ANY($1::uuid[]) AND t.closed_at IS NULL ORDER BY t.opened_at, t.element_id`,
      [ids],
    );
    const lastUrges: UrgeSnapshot[] = await this.dataSource.query(
      `SELECT DISTINCT ON (case_id) case_id AS "caseId", stage_at_urge AS "stage", tasks_at_urge AS "taskIds"
         FROM case_urges WHERE case_id = ANY($1::uuid[]) ORDER BY case_id, urged_at DESC, id`,
      [ids],
    );
    const moved = casesMoved(rows, tasks, lastUrges);
    return rows.map(({ urgeCount, lastUrgedAt, ...row }) => {
      const held = tasks.find((task) => task.caseId === row.caseId && task.holderId);
      return {
        ...row,
        workingDaysLeft: row.promisedDeadline && signedDays('working_days', calendar, today, row.promisedDeadline),
        holder: held ? { id: held.holderId, name: held.holderName } : null,
        urgeCount,
        lastUrgedAt: lastUrgedAt && new Date(lastUrgedAt).toISOString(),
        movedSinceUrge: moved.get(row.caseId) ?? null,
      };
    });
  }
}
