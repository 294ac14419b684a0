import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One line of the append-only audit trail; a case's entries are its timeline. */
@Entity({ name: 'audit_entries' })
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @Column()
  action: string;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name' })
  actorName: string;

  @Column({ name: 'actor_role' })
  actorRole: string;

  @Column({ name: 'stage_from', type: 'varchar', nullable: true })
  stageFrom: string | null;

  @Column({ name: 'stage_to', type: 'varchar', nullable: true })
  stageTo: string | null;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'command_id', type: 'varchar', nullable: true })
  commandId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details: object | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
