import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ServiceRunStatus = 'pending' | 'done' | 'failed';

/**
 * One service task of a case, carried out by a platform handler as a job. A run whose handler kept failing is
 * `failed`: an incident, shown to supervisors, who may retry it.
 */
@Entity({ name: 'service_runs' })
export class ServiceRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column({ name: 'element_id' })
  elementId: string;

  @Column()
  name: string;

  @Column()
  handler: string;

  @Column({ type: 'varchar' })
  status: ServiceRunStatus;

  /** Attempts made since the run was opened or last retried. */
  @Column({ type: 'int' })
  attempts: number;

  /** How many times a supervisor retried it after it failed. */
  @Column({ type: 'int' })
  retries: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
