import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One version of a BPMN process. Cases keep the version they started on. */
@Entity({ name: 'process_definitions' })
export class ProcessDefinition {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  key: string;

  @Column({ type: 'int' })
  version: number;

  @Column()
  name: string;

  @Column({ type: 'text' })
  xml: string;

  @Column()
  sha256: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
