import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { IdDocumentType } from './id-documents.js';

export const ROLES = ['applicant', 'window_staff', 'reviewer', 'decider', 'supervisor', 'process_designer', 'administrator'] as const;
export type Role = (typeof ROLES)[number];

/** Whom an applicant account files for: a person for themselves, or an organisation (its administrator or a member). */
export type AccountKind = 'person' | 'organisation';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ unique: true })
  username: string;

  /** A person's name; an organisation administrator's account shows the organisation's name. */
  @Column({ name: 'display_name' })
  displayName: string;

  /** Null until the person sets it: an administrator creates a staff account without one. */
  @Column({ name: 'password_hash', type: 'varchar', nullable: true })
  passwordHash: string | null;

  @Column('text', { array: true })
  roles: Role[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Null for the centre's staff. */
  @Column({ type: 'varchar', nullable: true })
  kind: AccountKind | null;

  /** The person's own ID document (a person, or an organisation's member; not an organisation's administrator account). */
  @Column({ name: 'id_type', type: 'varchar', nullable: true })
  idType: IdDocumentType | null;

  @Column({ name: 'id_number', type: 'varchar', nullable: true })
  idNumber: string | null;

  @Column({ type: 'varchar', nullable: true })
  mobile: string | null;

  @Column({ type: 'varchar', nullable: true })
  email: string | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** Set by an administrator: the account cannot log in, and its sessions ended when it was set. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}
