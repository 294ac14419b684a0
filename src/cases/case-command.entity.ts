import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { TransitionOutcome } from './transition.js';

/** A transition command already carried out, kept so that a repeated command id gets the same outcome. */
@Entity({ name: 'case_commands' })
export class CaseCommand {
  @PrimaryColumn({ name: 'command_id' })
  commandId: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column()
  action: string;

  @Column('uuid', { name: 'actor_id' })
  actorId: string;

  @Column({ type: 'jsonb' })
  outcome: TransitionOutcome;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
