import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const TIMER_KINDS = ['deemedAcceptance', 'alertYellow', 'alertRed', 'pauseOverrun'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

/**
 * A moment at which a case's legal clock must act. The row is the truth: a delayed job only wakes a worker
 * on time, and a periodic sweep fires whatever a lost job or a clock change left due.
 */
@Entity({ name: 'case_timers' })
export class CaseTimer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column({ type: 'varchar' })
  kind: TimerKind;

  @Column({ name: 'due_at', type: 'timestamptz' })
  dueAt: Date;

  @Column({ type: 'varchar' })
  state: 'pending' | 'fired' | 'cancelled';

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt: Date | null;
}
