import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One uploaded file, kept in object storage under `storageKey`. */
@Entity({ name: 'case_materials' })
export class CaseMaterial {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** The item of the matter's list; null for an extra material beyond the list, which has a title instead. */
  @Column('uuid', { name: 'required_material_id', nullable: true })
  requiredMaterialId: string | null;

  @Column({ type: 'varchar', nullable: true })
  title: string | null;

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
