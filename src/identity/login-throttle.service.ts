import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock.js';
import { accountLocked } from './identity-errors.js';
import { anonymousActor, IdentityAudit, PLATFORM_ACTOR } from './identity-audit.js';
import { LoginThrottle } from './login-throttle.entity.js';

/** 5 failed logins within 15 minutes lock the login name for 15 minutes. */
export const MAX_FAILED_LOGINS = 5;
export const FAILURE_WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

/** Why a login failed, as the trail records it; the person is told only "wrong username or password" (or, with the right password, that the account is disabled). */
export type FailureReason = 'unknown_username' | 'wrong_password' | 'password_not_set' | 'account_disabled';

/** A login attempt under way: what `failed` needs to know. */
export interface Attempt {
  username: string;
  userId: string | null;
  /** This attempt was the last one allowed: if it fails, the lock (already set) stays. */
  locks: boolean;
}

/**
 * Counts failed logins per login name and locks it after too many. An attempt is counted before its password
 * is checked (and forgotten if it succeeds), so that guesses sent all at once get no more than 5 checks: the
 * 5th attempt of a window sets the lock straight away, and lifts it again only if it succeeds.
 * Unknown names are counted and locked alike, so that a lock does not tell whether a name is registered.
 * Every failed attempt, every refusal while locked and every lock is written to the audit trail.
 */
@Injectable()
export class LoginThrottleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: IdentityAudit,
    private readonly clock: Clock,
  ) {}

  /** Counts the attempt; refuses with 423 (and audits the refusal) while the name is locked. */
  async begin(username: string, userId: string | null, purpose: 'login' | 'password_change'): Promise<Attempt> {
    const now = this.clock.now();
    const outcome = await this.dataSource.transaction(async (tx) => {
      const throttle = await this.lockedRow(tx, username);
      if (throttle.lockedUntil && throttle.lockedUntil > now) {
        await this.audit.record(tx, 'login_refused_locked', anonymousActor(username), {
          username, userId, purpose, lockedUntil: throttle.lockedUntil.toISOString(),
        });
        return { refusedUntil: throttle.lockedUntil, locks: false };
      }
      const attempts = [...throttle.attempts.filter((at) => now.getTime() - at.getTime() < FAILURE_WINDOW_MS), now];
      const locks = attempts.length >= MAX_FAILED_LOGINS;
      await tx.update(LoginThrottle, { username }, { attempts, lockedUntil: locks ? new Date(now.getTime() + LOCK_MS) : null });
      return { refusedUntil: null, locks };
    });
    if (outcome.refusedUntil) throw accountLocked(outcome.refusedUntil);
    return { username, userId, locks: outcome.locks };
  }

  /** The password was right: the failures before it are forgotten, and a lock this attempt set is lifted. */
  async succeeded(attempt: Attempt): Promise<void> {
    await this.dataSource.getRepository(LoginThrottle).delete({ username: attempt.username });
  }

  /** The password was wrong: audits it, and the lock if this attempt was the last allowed. Returns the lock's end, if locked. */
  async failed(attempt: Attempt, reason: FailureReason, purpose: 'login' | 'password_change'): Promise<Date | null> {
    const now = this.clock.now();
    const { username, userId } = attempt;
    return this.dataSource.transaction(async (tx) => {
      const throttle = await tx.findOne(LoginThrottle, { where: { username }, lock: { mode: 'pessimistic_write' } });
      const failures = throttle?.attempts.filter((at) => now.getTime() - at.getTime() < FAILURE_WINDOW_MS).length ?? 1;
      await this.audit.record(tx, 'login_failed', anonymousActor(username), { username, userId, purpose, reason, failuresInWindow: failures });
      const lockedUntil = throttle?.lockedUntil && throttle.lockedUntil > now ? throttle.lockedUntil : null;
      if (attempt.locks && lockedUntil) {
        await this.audit.record(tx, 'account_locked', PLATFORM_ACTOR, {
          username, userId, failures: MAX_FAILED_LOGINS, windowMinutes: FAILURE_WINDOW_MS / 60_000, lockedUntil: lockedUntil.toISOString(),
        });
        // The lock ends a window: the next one starts empty.
        await tx.update(LoginThrottle, { username }, { attempts: [] });
      }
      // Names tried with no attempt left in the window and no lock are forgotten, a batch at a time, so that
      // guesses at ever new names cannot grow the table.
      await tx.query(
        `DELETE FROM login_throttles WHERE username IN (
           SELECT username FROM login_throttles
            WHERE username <> $1 AND (locked_until IS NULL OR locked_until <= $2)
              AND coalesce(attempts[cardinality(attempts)], '-infinity') <= $3
            LIMIT 100)`,
        [username, now, new Date(now.getTime() - FAILURE_WINDOW_MS)],
      );
      return lockedUntil;
    });
  }

  /** Lifts a lock and forgets the failures: after a password reset. */
  async clear(username: string, tx: EntityManager): Promise<void> {
    await tx.delete(LoginThrottle, { username });
  }

  private async lockedRow(tx: EntityManager, username: string): Promise<LoginThrottle> {
    // DO UPDATE (not DO NOTHING) locks an existing row in this transaction, so a successful login elsewhere
    // cannot delete it between here and the select below.
    await tx.query(`INSERT INTO login_throttles (username, attempts) VALUES ($1, '{}') ON CONFLICT (username) DO UPDATE SET username = EXCLUDED.username`, [username]);
    return (await tx.findOne(LoginThrottle, { where: { username }, lock: { mode: 'pessimistic_write' } }))!;
  }
}
