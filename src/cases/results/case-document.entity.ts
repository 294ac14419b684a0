import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind } from './document-kinds.js';
import type { DocumentFacts } from './notice-document.js';

const nullableBigint = { to: (value: number | null) => value, from: (value: string | null) => (value === null ? null : Number(value)) };

/**
 * A notice or decision the platform issued for a case. It is issued (kind, facts, verification code) in the
 * transaction of the step that owes it, and rendered to a PDF in object storage when first needed; until
 * then it has no storage key, size or sha256. Documents from before PDFs are HTML, issued and rendered at once.
 */
@Entity({ name: 'case_documents' })
export class CaseDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  /** The generateNotice run that issued it or waits for it: a handler tried again finds it and issues nothing new. */
  @Column('uuid', { name: 'service_run_id', nullable: true })
  serviceRunId: string | null;

  @Column({ type: 'varchar' })
  kind: DocumentKind;

  @Column()
  title: string;

  /** 校验码: null on the HTML documents from before. */
  @Column({ name: 'verification_code', type: 'varchar', nullable: true })
  verificationCode: string | null;

  @Column({ type: 'jsonb', nullable: true })
  facts: DocumentFacts | null;

  @Column({ name: 'storage_key', type: 'varchar', nullable: true })
  storageKey: string | null;

  @Column({ name: 'content_type' })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'bigint', nullable: true, transformer: nullableBigint })
  sizeBytes: number | null;

  @Column({ type: 'varchar', nullable: true })
  sha256: string | null;

  @Column({ name: 'rendered_at', type: 'timestamptz', nullable: true })
  renderedAt: Date | null;

  /** When it was issued: the step's time. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
