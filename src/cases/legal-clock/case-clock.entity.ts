import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDate } from '../../calendar/calendar-date.js';
import type { LimitUnit } from '../../catalog/matter.entity.js';
import type { TodoStage } from '../todo-stages.js';

export const ALERTS = ['none', 'green', 'yellow', 'red', 'paused', 'stopped'] as const;
export type Alert = (typeof ALERTS)[number];

/**
 * The legal clock of one case (DOMAIN.md §1.4, §1.7): when its application was received, when it was
 * accepted, the working days special procedures stopped it for and the extension granted, and the
 * deadlines these give. Dates are calendar days in Asia/Shanghai.
 */
@Entity({ name: 'case_clocks' })
export class CaseClock {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @Column({ name: 'legal_limit_days', type: 'int' })
  legalLimitDays: number;

  /** 0 for an instant case (即办件): it must finish the day it is accepted. */
  @Column({ name: 'promised_limit_days', type: 'int' })
  promisedLimitDays: number;

  @Column({ name: 'warning_days', type: 'int' })
  warningDays: number;

  /** The unit of the limits, the pauses and the extension: the matter's. */
  @Column({ name: 'limit_unit', type: 'varchar' })
  limitUnit: LimitUnit;

  /** The latest receipt of the application or of its supplements; null while none is pending a decision. */
  @Column({ name: 'received_on', type: 'date', nullable: true })
  receivedOn: CalendarDate | null;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: CalendarDate | null;

  /** Accepted by law after 5 working days without a decision (视为受理), as of the day of receipt. */
  @Column({ name: 'deemed_accepted' })
  deemedAccepted: boolean;

  @Column({ name: 'paused_since', type: 'date', nullable: true })
  pausedSince: CalendarDate | null;

  @Column({ name: 'pause_kind', type: 'varchar', nullable: true })
  pauseKind: string | null;

  @Column({ name: 'pause_expected_days', type: 'int', nullable: true })
  pauseExpectedDays: number | null;

  /** The special procedure under way has run past the length declared to the applicant. */
  @Column({ name: 'pause_overrun' })
  pauseOverrun: boolean;

  /** Working days of the special procedures already ended: the deadlines move by them. */
  @Column({ name: 'paused_days', type: 'int' })
  pausedDays: number;

  @Column({ name: 'extension_days', type: 'int' })
  extensionDays: number;

  /** What one extension may add: 10 working days, 15 for joint handling (Art. 42). */
  @Column({ name: 'extension_allowance_days', type: 'int' })
  extensionAllowanceDays: number;

  /** The day of a refusal (不予受理, 不予许可, a revocation), from which the applicant's remedy periods run. */
  @Column({ name: 'refused_on', type: 'date', nullable: true })
  refusedOn: CalendarDate | null;

  /** Null before acceptance, or while the calendar of the year it falls in is not loaded. */
  @Column({ name: 'legal_deadline', type: 'date', nullable: true })
  legalDeadline: CalendarDate | null;

  @Column({ name: 'promised_deadline', type: 'date', nullable: true })
  promisedDeadline: CalendarDate | null;

  @Column({ name: 'stopped_on', type: 'date', nullable: true })
  stoppedOn: CalendarDate | null;

  @Column({ type: 'varchar' })
  alert: Alert;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  // What the supervisors' board filters on, kept beside the alert so that one table and its indexes serve it.

  /** The case's matter, and its department: fixed once a matter has cases. */
  @Column('uuid', { name: 'matter_id' })
  matterId: string;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  /** The to-do stage of the case's earliest open task after its last step; null while no person holds one. */
  @Column({ name: 'todo_stage', type: 'varchar', nullable: true })
  todoStage: TodoStage | null;

  /** How often supervisors urged the case (督办); written by the urge, under the case's lock like every change here. */
  @Column({ name: 'urge_count', type: 'int' })
  urgeCount: number;

  @Column({ name: 'last_urged_at', type: 'timestamptz', nullable: true })
  lastUrgedAt: Date | null;
}
