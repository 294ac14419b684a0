import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A document the platform generated for a case (a notice, a decision), kept in object storage. */
@Entity({ name: 'case_documents' })
export class CaseDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** The service task run that generated it: a handler tried again generates it once. */
  @Column('uuid', { name: 'service_run_id', nullable: true })
  serviceRunId: string | null;

  @Column()
  title: string;

  @Column({ name: 'storage_key' })
  storageKey: string;

  @Column({ name: 'content_type' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint', transformer: { to: (value: number) => value, from: (value: string) => Number(value) } })
  sizeBytes: number;

  @Column()
  sha256: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
