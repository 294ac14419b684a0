import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a password token is for: a reset the holder asked for, or the first password of an account an administrator created. */
export type PasswordTokenPurpose = 'reset' | 'setup';

/**
 * A token that sets a password: single use, valid one hour (a reset) or 72 hours (a new staff account's first
 * password). Only the token's hash is kept, so a leaked table resets nothing.
 */
@Entity({ name: 'password_reset_tokens' })
export class PasswordResetToken {
  @PrimaryColumn({ name: 'token_hash' })
  tokenHash: string;

  @Column('uuid', { name: 'user_id' })
  userId: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'varchar' })
  purpose: PasswordTokenPurpose;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}
