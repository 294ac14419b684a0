import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A message to one user about one of their cases: a supplementation notice, a licence issued… */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  /** What it was sent for (a service run, a stage reached): a sender tried again sends it once. */
  @Column({ name: 'dedupe_key', type: 'varchar', nullable: true })
  dedupeKey: string | null;

  @Column()
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
