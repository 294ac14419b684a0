import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { MaterialTargetColumns } from './material-target.columns.js';

/** One uploaded file, kept in object storage under `storageKey`. */
@Entity({ name: 'case_materials' })
export class CaseMaterial extends MaterialTargetColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The submission that froze the file (1 = the application, 2… = supplements); null while it may still change. */
  @Column({ type: 'int', nullable: true })
  round: number | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'file_name' })
  fileName: string;

  @Column({ name: 'content_type' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key' })
  storageKey: string;

  @Column('uuid', { name: 'uploaded_by' })
  uploadedBy: string;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
