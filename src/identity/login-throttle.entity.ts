import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Recent failed logins of one login name, and its lock. Kept by the name typed, registered or not, so that
 * a lock never tells which names exist.
 */
@Entity({ name: 'login_throttles' })
export class LoginThrottle {
  @PrimaryColumn()
  username: string;

  /** When the attempts of the current window were made, oldest first (attempts in progress count until they succeed). */
  @Column('timestamptz', { name: 'attempts', array: true })
  attempts: Date[];

  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;
}
