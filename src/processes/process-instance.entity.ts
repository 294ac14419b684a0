import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The saved bpmn-engine state of one case, rewritten after every step. */
@Entity({ name: 'process_instances' })
export class ProcessInstance {
  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId: string;

  @Column('uuid', { name: 'definition_id' })
  definitionId: string;

  @Column({ name: 'engine_version' })
  engineVersion: string;

  @Column({ type: 'jsonb' })
  state: object;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
