import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RecipientAddresses } from '../notifications/recipient-addresses.js';
import { AccountMessenger } from './account-messenger.js';
import { beijingTime, fieldRefused } from './identity-errors.js';
import { anonymousActor, IdentityAudit, userActor } from './identity-audit.js';
import { PasswordResetDto } from './identity.dto.js';
import { IdentityService } from './identity.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { OrganisationMember } from './organisation-member.entity.js';
import { Organisation } from './organisation.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetToken, type PasswordTokenPurpose } from './password-reset-token.entity.js';
import { Session } from './session.entity.js';
import { hashToken, newToken } from './tokens.js';
import { User } from './user.entity.js';

export const RESET_TOKEN_MS = 3600_000;
/** A new staff account's first password: 72 hours from the account's creation (or from an administrator's new token). */
export const SETUP_TOKEN_MS = 72 * 3600_000;
/** A new token is sent at most once a minute per account: a second request within it sends nothing. */
export const RESET_RESEND_MS = 60_000;

const MOBILE = /^1[3-9]\d{9}$/;
const SETUP_ENDPOINT = 'POST /api/identity/password-setup';
const KIND_OF_TOKEN: Record<PasswordTokenPurpose, string> = { reset: 'reset token', setup: 'password setup token' };
const alreadyUsed = (purpose: PasswordTokenPurpose) => `has already been used: each ${KIND_OF_TOKEN[purpose]} works once`;

/** A new staff account's setup token, as its administrator is given it. */
export interface SetupToken {
  token: string;
  expiresAt: Date;
  /** Where the person sends it with their new password. */
  use: string;
}

/** Why this token cannot set a password now, or null when it can. */
function tokenProblem(found: PasswordResetToken | null, user: User | null, purpose: PasswordTokenPurpose, now: Date): string | null {
  if (!found || !user) return `is not a valid ${KIND_OF_TOKEN[purpose]}: check that it was copied whole, or ask for a new one (only the newest token sent works)`;
  if (found.usedAt) return alreadyUsed(purpose);
  if (found.expiresAt <= now) {
    return purpose === 'setup'
      ? 'has expired (password setup tokens are valid for 72 hours): ask an administrator for a new one'
      : 'has expired (reset tokens are valid for 1 hour): ask for a new one';
  }
  if (user.disabledAt) return 'belongs to a disabled account: ask an administrator';
  return null;
}

/**
 * Password reset by a token sent through the notification channel: valid one hour, single use. Asking for one
 * answers the same whether the account exists or not, and the reset token only ever travels by the channel, never
 * in an HTTP answer. A new token replaces any earlier one; using it ends every session and lifts a lock.
 *
 * A staff account an administrator creates has no password: its setup token (72 hours, single use) goes to the
 * administrator's answer and, when the account has a mobile, to the channel; the person sets the first password
 * with it, under the same policy.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(PasswordResetToken) private readonly tokens: Repository<PasswordResetToken>,
    private readonly identity: IdentityService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly notifications: NotificationsService,
    private readonly messenger: AccountMessenger,
    private readonly addresses: RecipientAddresses,
    private readonly audit: IdentityAudit,
    private readonly clock: Clock,
  ) {}

  /** Starts the reset in the background and returns at once: the answer and its timing are the same for any name. */
  request(username: string): void {
    void this.issue(username).catch((error) => this.logger.error(`a reset token for ${username} could not be issued: ${(error as Error).stack ?? error}`));
  }

  private async issue(username: string): Promise<void> {
    const user = await this.users.findOneBy({ username });
    const now = this.clock.now();
    if (!user || user.disabledAt) {
      const reason = user ? 'account_disabled' : 'unknown_username';
      await this.dataSource.transaction((tx) => this.audit.record(tx, 'password_reset_requested', anonymousActor(username), { username, userId: user?.id ?? null, sent: false, reason }));
      return;
    }
    const token = newToken();
    const expiresAt = new Date(now.getTime() + RESET_TOKEN_MS);
    const title = '密码重置 Password reset';
    const body =
      `您正在重置账户 ${user.username} 的密码。重置令牌：${token}（北京时间 ${beijingTime(expiresAt)} 前有效，只能使用一次）。如非本人操作，请忽略本消息，您的密码不会改变。` +
      ` A password reset was asked for the account ${user.username}. Reset token: ${token} (valid until ${beijingTime(expiresAt)} Beijing time, once;` +
      ` send it with the new password to POST /api/identity/password-reset/confirm). If it was not you, ignore this message: your password stays as it is.`;
    const sent = await this.dataSource.transaction(async (tx) => {
      const recent = await tx.findOne(PasswordResetToken, {
        where: { userId: user.id, purpose: 'reset', usedAt: IsNull(), createdAt: MoreThan(new Date(now.getTime() - RESET_RESEND_MS)) },
        lock: { mode: 'pessimistic_write' },
      });
      if (recent) {
        await this.audit.record(tx, 'password_reset_requested', anonymousActor(username), { username, userId: user.id, sent: false, reason: 'sent_less_than_a_minute_ago' });
        return false;
      }
      // An earlier token stops working: only the newest one sent can be used.
      await tx.delete(PasswordResetToken, { userId: user.id, purpose: 'reset', usedAt: IsNull() });
      await tx.insert(PasswordResetToken, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt, purpose: 'reset', usedAt: null });
      await this.notifications.send({ userId: user.id, caseId: null, dedupeKey: `password-reset:${hashToken(token).slice(0, 32)}`, title, body }, tx);
      await this.audit.record(tx, 'password_reset_requested', anonymousActor(username), { username, userId: user.id, sent: true, expiresAt: expiresAt.toISOString() });
      return true;
    });
    if (sent) this.messenger.sendSecret({ userId: user.id, phone: await this.phoneOf(user), email: await this.addresses.emailOf(user.id), title, body }, `password reset token for ${user.username}`);
  }

  /** Sets the new password with the token: single use, within the hour. Every session of the account ends. */
  reset(dto: PasswordResetDto): Promise<void> {
    return this.setWithToken(dto, 'reset');
  }

  /** Sets a new staff account's first password with its setup token: single use, within 72 hours. */
  setUp(dto: PasswordResetDto): Promise<void> {
    return this.setWithToken(dto, 'setup');
  }

  /**
   * A setup token for a staff account, in the caller's transaction (the account's creation, or an administrator
   * asking for a new one): any earlier setup token of the account stops working. Send it with `sendSetupToken`
   * once the transaction has committed.
   */
  async issueSetupToken(tx: EntityManager, user: User): Promise<SetupToken> {
    const now = this.clock.now();
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SETUP_TOKEN_MS);
    await tx.delete(PasswordResetToken, { userId: user.id, purpose: 'setup', usedAt: IsNull() });
    await tx.insert(PasswordResetToken, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt, purpose: 'setup', usedAt: null });
    return { token, expiresAt, use: SETUP_ENDPOINT };
  }

  /** Sends the setup token to the account's mobile, when it has one (the inbox is no use before a first login). */
  sendSetupToken(user: User, { token, expiresAt }: SetupToken): void {
    if (!user.mobile) return;
    const title = '设置登录密码 Set your password';
    const body =
      `系统管理员为您开通了通办工作人员账户 ${user.username}。设置密码令牌：${token}（北京时间 ${beijingTime(expiresAt)} 前有效，只能使用一次）。` +
      ` An administrator opened the Tongban staff account ${user.username} for you. Password setup token: ${token} (valid until ${beijingTime(expiresAt)}` +
      ` Beijing time, once; send it with your new password to ${SETUP_ENDPOINT}).`;
    this.messenger.sendSecret({ userId: user.id, phone: user.mobile, email: user.email ?? null, title, body }, `password setup token for ${user.username}`);
  }

  private async setWithToken(dto: PasswordResetDto, purpose: PasswordTokenPurpose): Promise<void> {
    const now = this.clock.now();
    const tokenHash = hashToken(dto.token);
    const found = await this.tokens.findOneBy({ tokenHash, purpose });
    const user = found && (await this.users.findOneByOrFail({ id: found.userId }));
    const problem = tokenProblem(found, user, purpose, now);
    if (problem) throw fieldRefused('token', problem);
    await this.identity.assertNewPassword(user!, dto.newPassword, 'newPassword');
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      const used = await tx
        .createQueryBuilder()
        .update(PasswordResetToken)
        .set({ usedAt: now })
        .where('token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now', { tokenHash, now })
        .execute();
      if (!used.affected) throw fieldRefused('token', alreadyUsed(purpose));
      await tx.update(User, { id: user!.id }, { passwordHash, passwordChangedAt: now });
      const ended = await tx.delete(Session, { userId: user!.id });
      await this.throttle.clear(user!.username, tx);
      const action = purpose === 'setup' ? 'password_set' : 'password_reset';
      await this.audit.record(tx, action, userActor(user!), { username: user!.username, userId: user!.id, sessionsEnded: ended.affected ?? 0 });
    });
  }

  /** Where an SMS would go: the person's mobile; for an organisation's administrator, the organisation's. */
  private async phoneOf(user: User): Promise<string | null> {
    if (user.mobile) return user.mobile;
    const membership = await this.dataSource.getRepository(OrganisationMember).findOneBy({ userId: user.id, role: 'administrator' });
    if (!membership) return null;
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id: membership.organisationId });
    return organisation?.mobile ?? (organisation && MOBILE.test(organisation.contactPhone) ? organisation.contactPhone : null);
  }
}
