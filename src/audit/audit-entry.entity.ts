import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const bigintAsNumber = { to: (value: number) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * One line of the append-only audit trail; a case's entries are its timeline. Each entry has its place in one
 * gap-free chain (`seq`) and carries the hash of the entry before it (see audit-chain-hash.ts).
 */
@Entity({ name: 'audit_entries' })
export class AuditEntry {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('bigint', { transformer: bigintAsNumber })
  seq: number;

  @Column('char', { name: 'prev_hash', length: 64 })
  prevHash: string;

  @Column('char', { length: 64 })
  hash: string;

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

  /** Where the request came from: the client's address (X-Forwarded-For only behind a trusted proxy). */
  @Column({ name: 'source_ip', type: 'varchar', nullable: true })
  sourceIp: string | null;

  @Column({ name: 'user_agent', type: 'varchar', nullable: true })
  userAgent: string | null;
}
