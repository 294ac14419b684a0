import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A user task of a case's process: open while the engine waits on it, closed with the action taken. */
@Entity({ name: 'case_tasks' })
export class CaseTask {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column({ name: 'element_id' })
  elementId: string;

  @Column()
  name: string;

  @Column()
  role: string;

  @Column('text', { array: true })
  actions: string[];

  /** The legal stages the task stands for (its tongban:stage), which the legal clock reads. */
  @Column('text', { array: true })
  stages: string[];

  /** The task's own time limit, when its process gives one (tongban:limit working days from its opening). */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  /** Code of the department whose staff hold the task (a co-department's review); null for any department. */
  @Column({ type: 'varchar', nullable: true })
  department: string | null;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt: Date;

  /** The staff member who claimed the task (签收); only they may act on it until it is released or reassigned. */
  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId: string | null;

  @Column({ name: 'claimed_at', type: 'timestamptz', nullable: true })
  claimedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column('uuid', { name: 'closed_by', nullable: true })
  closedBy: string | null;

  @Column({ name: 'closing_action', type: 'varchar', nullable: true })
  closingAction: string | null;
}
