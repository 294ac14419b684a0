import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { dateInShanghai, type CalendarDate } from '../calendar/calendar-date.js';
import { Case } from '../cases/case.entity.js';
import { Department } from '../catalog/department.entity.js';
import { Matter } from '../catalog/matter.entity.js';
import { User } from '../identity/user.entity.js';
import { Consultation, type ConsultationKind } from './consultation.entity.js';
import type { ConsultationListQuery } from './consultations.dto.js';

/** A message as read: with its department, matter, case, author and answerer by name. */
export interface ConsultationRow {
  id: string;
  kind: ConsultationKind;
  authorId: string;
  authorName: string;
  departmentCode: string;
  departmentName: string;
  matterId: string | null;
  matterName: string | null;
  caseId: string | null;
  caseNumber: string | null;
  subject: string;
  body: string;
  createdAt: Date;
  dueDate: CalendarDate | null;
  answer: string | null;
  answeredById: string | null;
  answeredByName: string | null;
  answeredAt: Date | null;
}

export const KIND_NAMES: Record<ConsultationKind, { zh: string; en: string }> = {
  consultation: { zh: '咨询', en: 'Consultation' },
  complaint: { zh: '投诉', en: 'Complaint' },
};

const COLUMNS: Record<keyof ConsultationRow, string> = {
  id: 'q.id', kind: 'q.kind', authorId: 'q.authorId', authorName: 'author.displayName', departmentCode: 'd.code', departmentName: 'd.name',
  matterId: 'q.matterId', matterName: 'm.name', caseId: 'q.caseId', caseNumber: 'c.caseNumber', subject: 'q.subject', body: 'q.body',
  createdAt: 'q.createdAt', dueDate: `to_char(q.dueDate, 'YYYY-MM-DD')`, answer: 'q.answer', answeredById: 'q.answeredBy',
  answeredByName: 'answerer.displayName', answeredAt: 'q.answeredAt',
};

/** Every message with the names it is read with; callers add which ones. */
export function consultationRows(manager: EntityManager): SelectQueryBuilder<Consultation> {
  const query = manager
    .createQueryBuilder(Consultation, 'q')
    .innerJoin(Department, 'd', 'd.id = q.departmentId')
    .innerJoin(User, 'author', 'author.id = q.authorId')
    .leftJoin(Matter, 'm', 'm.id = q.matterId')
    .leftJoin(Case, 'c', 'c.id = q.caseId')
    .leftJoin(User, 'answerer', 'answerer.id = q.answeredBy')
    .select([]);
  for (const [alias, column] of Object.entries(COLUMNS)) query.addSelect(column, alias);
  return query;
}

/** Narrows a list to the status and kind asked for. */
export function filtered(rows: SelectQueryBuilder<Consultation>, { status, kind }: ConsultationListQuery): SelectQueryBuilder<Consultation> {
  if (status) rows.andWhere(status === 'open' ? 'q.answeredAt IS NULL' : 'q.answeredAt IS NOT NULL');
  if (kind) rows.andWhere('q.kind = :kind', { kind });
  return rows;
}

/**
 * Late once the due date has passed without an answer (the due date itself is still on time, to its end), or
 * when the answer came after it. Unknown due dates are never late.
 */
export const isOverdue = (row: Pick<ConsultationRow, 'dueDate' | 'answeredAt'>, today: CalendarDate) =>
  row.dueDate !== null && (row.answeredAt ? dateInShanghai(row.answeredAt) : today) > row.dueDate;

export function present(row: ConsultationRow, today: CalendarDate) {
  return {
    id: row.id,
    kind: row.kind,
    kindName: `${KIND_NAMES[row.kind].zh} ${KIND_NAMES[row.kind].en}`,
    department: { code: row.departmentCode, name: row.departmentName },
    matter: row.matterId ? { id: row.matterId, name: row.matterName } : null,
    case: row.caseId ? { id: row.caseId, caseNumber: row.caseNumber } : null,
    author: { id: row.authorId, name: row.authorName },
    subject: row.subject,
    body: row.body,
    createdAt: row.createdAt,
    status: row.answeredAt ? 'answered' : 'open',
    dueDate: row.dueDate,
    overdue: isOverdue(row, today),
    answer: row.answeredAt ? { text: row.answer, by: { id: row.answeredById, name: row.answeredByName }, at: row.answeredAt } : null,
  };
}
