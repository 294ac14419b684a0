import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ProcessKind } from './engine/tongban-moddle.js';

/** One version of a BPMN process. New cases take the active version; cases keep the version they started on. */
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

  @Column({ type: 'varchar' })
  kind: ProcessKind;

  @Column({ type: 'text' })
  xml: string;

  @Column()
  sha256: string;

  /** Shipped in `workflows/` and installed at boot, or uploaded by a process designer. */
  @Column({ type: 'varchar' })
  source: 'shipped' | 'upload';

  @Column('uuid', { name: 'uploaded_by', nullable: true })
  uploadedBy: string | null;

  @Column({ name: 'uploaded_by_name', type: 'varchar', nullable: true })
  uploadedByName: string | null;

  @Column()
  active: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
