import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan, Repository } from 'typeorm';
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
import { PasswordResetToken } from './password-reset-token.entity.js';
import { Session } from './session.entity.js';
import { hashToken, newToken } from './tokens.js';
import { User } from './user.entity.js';

export const RESET_TOKEN_MS = 3600_000;
/** A new token is sent at most once a minute per account: a second request within it sends nothing. */
export const RESET_RESEND_MS = 60_000;

const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Password reset by a token sent through the notification channel: valid one hour, single use. Asking for one
 * answers the same whether the account exists or not, and the token only ever travels by the channel, never in
 * an HTTP answer. A new token replaces any earlier one; using it ends every session and lifts a lock.
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
    if (!user) {
      await this.dataSource.transaction((tx) => this.audit.record(tx, 'password_reset_requested', anonymousActor(username), { username, userId: null, sent: false, reason: 'unknown_username' }));
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
        where: { userId: user.id, usedAt: IsNull(), createdAt: MoreThan(new Date(now.getTime() - RESET_RESEND_MS)) },
        lock: { mode: 'pessimistic_write' },
      });
      if (recent) {
        await this.audit.record(tx, 'password_reset_requested', anonymousActor(username), { username, userId: user.id, sent: false, reason: 'sent_less_than_a_minute_ago' });
        return false;
      }
      // An earlier token stops working: only the newest one sent can be used.
      await tx.delete(PasswordResetToken, { userId: user.id, usedAt: IsNull() });
      await tx.insert(PasswordResetToken, { tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt, usedAt: null });
      await this.notifications.send({ userId: user.id, caseId: null, dedupeKey: `password-reset:${hashToken(token).slice(0, 32)}`, title, body }, tx);
      await this.audit.record(tx, 'password_reset_requested', anonymousActor(username), { username, userId: user.id, sent: true, expiresAt: expiresAt.toISOString() });
      return true;
    });
    if (sent) this.messenger.sendSecret({ userId: user.id, phone: await this.phoneOf(user), email: await this.addresses.emailOf(user.id), title, body }, `password reset token for ${user.username}`);
  }

  /** Sets the new password with the token: single use, within the hour. Every session of the account ends. */
  async reset(dto: PasswordResetDto): Promise<void> {
    const now = this.clock.now();
    const tokenHash = hashToken(dto.token);
    const found = await this.tokens.findOneBy({ tokenHash });
    const problem = !found
      ? 'is not a valid reset token: check that it was copied whole, or ask for a new one (only the newest token sent works)'
      : found.usedAt
        ? 'has already been used: each reset token works once'
        : found.expiresAt <= now
          ? 'has expired (reset tokens are valid for 1 hour): ask for a new one'
          : null;
    if (problem) throw fieldRefused('token', problem);
    const user = await this.users.findOneByOrFail({ id: found!.userId });
    await this.identity.assertNewPassword(user, dto.newPassword, 'newPassword');
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      const used = await tx
        .createQueryBuilder()
        .update(PasswordResetToken)
        .set({ usedAt: now })
        .where('token_hash = :tokenHash AND used_at IS NULL AND expires_at > :now', { tokenHash, now })
        .execute();
      if (!used.affected) throw fieldRefused('token', 'has already been used: each reset token works once');
      await tx.update(User, { id: user.id }, { passwordHash, passwordChangedAt: now });
      const ended = await tx.delete(Session, { userId: user.id });
      await this.throttle.clear(user.username, tx);
      await this.audit.record(tx, 'password_reset', userActor(user), { username: user.username, userId: user.id, sessionsEnded: ended.affected ?? 0 });
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
