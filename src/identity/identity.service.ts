import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not, Repository } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { beijingDate, idDocumentNumberProblem, type IdDocumentType } from './id-documents.js';
import {
  accountDisabled, accountLocked, fieldRefused, fieldsRefused, idDocumentRegistered, organisationRegistered, uniqueViolation, usernameTaken,
} from './identity-errors.js';
import { actorOf } from './actors.js';
import { IdentityAudit, userActor } from './identity-audit.js';
import {
  ChangePasswordDto, OrganisationMemberRegistrationDto, OrganisationRegistrationDto, PersonRegistrationDto, RegisterApplicantDto,
} from './identity.dto.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { OrganisationInvitation } from './organisation-invitation.entity.js';
import { OrganisationMember } from './organisation-member.entity.js';
import { Organisation } from './organisation.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { passwordProblems } from './password-policy.js';
import { ProfileView, ProfileViews } from './profile-views.js';
import { Session } from './session.entity.js';
import { hashToken, newToken } from './tokens.js';
import { type AccountKind, Role, User } from './user.entity.js';

const SESSION_HOURS = 12;

export interface LoginResult {
  token: string;
  expiresAt: Date;
  user: Actor;
}

/** A person's own details, as registration and the profile take them. */
interface PersonDetails {
  name: string;
  idType: IdDocumentType;
  idNumber: string;
  mobile: string;
  email: string;
}

@Injectable()
export class IdentityService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottleService,
    private readonly audit: IdentityAudit,
    private readonly views: ProfileViews,
    private readonly clock: Clock,
  ) {}

  /** The first release's registration (no `kind`): an applicant whose person details come later, with the profile. */
  async registerApplicant(dto: RegisterApplicantDto): Promise<ProfileView> {
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.dataSource.transaction((tx) =>
      this.insertUser({ username: dto.username, displayName: dto.displayName, passwordHash, roles: ['applicant'], kind: 'person' }, tx),
    );
    return this.views.of(user.id);
  }

  /** 自然人注册. */
  async registerPerson(dto: PersonRegistrationDto): Promise<ProfileView> {
    this.assertBornByToday('idNumber', dto.idType, dto.idNumber);
    const passwordHash = await this.hasher.hash(dto.password);
    const user = await this.dataSource.transaction((tx) =>
      this.insertUser({ username: dto.username, passwordHash, roles: ['applicant'], kind: 'person', ...personColumns(dto) }, tx),
    );
    return this.views.of(user.id);
  }

  /** 法人注册: the organisation, and its administrator's account, in one transaction. */
  async registerOrganisation(dto: OrganisationRegistrationDto): Promise<ProfileView> {
    this.assertBornByToday('legalRepresentativeIdNumber', dto.legalRepresentativeIdType, dto.legalRepresentativeIdNumber);
    const passwordHash = await this.hasher.hash(dto.password);
    const now = this.clock.now();
    const user = await this.dataSource.transaction(async (tx) => {
      const organisation = await insertOrTranslate(tx.save(tx.create(Organisation, {
        name: dto.name,
        creditCode: dto.creditCode,
        legalRepresentativeName: dto.legalRepresentativeName,
        legalRepresentativeIdType: dto.legalRepresentativeIdType,
        legalRepresentativeIdNumber: dto.legalRepresentativeIdNumber,
        address: dto.address,
        contactName: dto.contactName,
        contactPhone: dto.contactPhone,
        mobile: dto.mobile ?? null,
        email: dto.email ?? null,
        createdAt: now,
        updatedAt: now,
      })), dto.username);
      const admin = await this.insertUser({ username: dto.username, displayName: dto.name, passwordHash, roles: ['applicant'], kind: 'organisation' }, tx, {
        organisationId: organisation.id,
      });
      await tx.insert(OrganisationMember, { userId: admin.id, organisationId: organisation.id, role: 'administrator', joinedAt: now, invitationId: null });
      return admin;
    });
    return this.views.of(user.id);
  }

  /** A colleague joins an organisation with its administrator's invitation (single use, 7 days). */
  async registerOrganisationMember(dto: OrganisationMemberRegistrationDto): Promise<ProfileView> {
    this.assertBornByToday('idNumber', dto.idType, dto.idNumber);
    const passwordHash = await this.hasher.hash(dto.password);
    const now = this.clock.now();
    const user = await this.dataSource.transaction(async (tx) => {
      const invitation = await tx.findOne(OrganisationInvitation, { where: { tokenHash: hashToken(dto.invitationToken) }, lock: { mode: 'pessimistic_write' } });
      const problem = invitationProblem(invitation, now);
      if (problem) throw fieldRefused('invitationToken', problem);
      const member = await this.insertUser({ username: dto.username, passwordHash, roles: ['applicant'], kind: 'organisation', ...personColumns(dto) }, tx, {
        organisationId: invitation!.organisationId,
        invitationId: invitation!.id,
      });
      await tx.insert(OrganisationMember, { userId: member.id, organisationId: invitation!.organisationId, role: 'member', joinedAt: now, invitationId: invitation!.id });
      await tx.update(OrganisationInvitation, { id: invitation!.id }, { acceptedAt: now, acceptedBy: member.id });
      return member;
    });
    return this.views.of(user.id);
  }

  async login(username: string, password: string): Promise<LoginResult> {
    const user = await this.users.findOneBy({ username });
    const attempt = await this.throttle.begin(username, user?.id ?? null, 'login');
    // Verify against a hash even for an unknown name or an account with no password yet, so that timing does not tell them apart.
    const valid = (await this.hasher.verify(user?.passwordHash ?? DUMMY_HASH, password)) && Boolean(user?.passwordHash);
    if (!user || !valid) {
      const lockedUntil = await this.throttle.failed(attempt, !user ? 'unknown_username' : user.passwordHash ? 'wrong_password' : 'password_not_set', 'login');
      if (attempt.locks && lockedUntil) throw accountLocked(lockedUntil);
      throw new AppError(401, 'INVALID_CREDENTIALS', { zh: '用户名或密码错误', en: 'Wrong username or password' });
    }
    // Told only to whoever knows the password: it tells them whom to ask, and a guesser learns nothing.
    if (user.disabledAt) {
      await this.throttle.failed(attempt, 'account_disabled', 'login');
      throw accountDisabled();
    }
    await this.throttle.succeeded(attempt);
    const token = newToken();
    const expiresAt = new Date(this.clock.now().getTime() + SESSION_HOURS * 3600_000);
    await this.dataSource.transaction(async (tx) => {
      await tx.insert(Session, { tokenHash: hashToken(token), userId: user.id, expiresAt });
      await this.audit.record(tx, 'login', userActor(user), { username: user.username, userId: user.id, sessionExpiresAt: expiresAt.toISOString() });
    });
    return { token, expiresAt, user: await actorOf(this.users.manager, user) };
  }

  async logout(token: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const session = await tx.findOneBy(Session, { tokenHash: hashToken(token) });
      if (!session) return;
      await tx.delete(Session, { tokenHash: session.tokenHash });
      const user = await tx.findOneBy(User, { id: session.userId });
      if (user) await this.audit.record(tx, 'logout', userActor(user), { username: user.username, userId: user.id });
    });
  }

  /**
   * Changes the password of the signed-in account: the current one is needed (a wrong one counts as a failed
   * login), and every other session of the account ends.
   */
  async changePassword(actor: Actor, currentToken: string, dto: ChangePasswordDto): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: actor.id });
    const attempt = await this.throttle.begin(user.username, user.id, 'password_change');
    if (!user.passwordHash || !(await this.hasher.verify(user.passwordHash, dto.currentPassword))) {
      const lockedUntil = await this.throttle.failed(attempt, 'wrong_password', 'password_change');
      if (attempt.locks && lockedUntil) throw accountLocked(lockedUntil);
      throw fieldRefused('currentPassword', 'is not the current password of this account');
    }
    await this.throttle.succeeded(attempt);
    await this.assertNewPassword(user, dto.newPassword, 'newPassword');
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.dataSource.transaction(async (tx) => {
      await tx.update(User, { id: user.id }, { passwordHash, passwordChangedAt: this.clock.now() });
      const ended = await tx.delete(Session, { userId: user.id, tokenHash: Not(hashToken(currentToken)) });
      await this.audit.record(tx, 'password_changed', userActor(user), { username: user.username, userId: user.id, otherSessionsEnded: ended.affected ?? 0 });
    });
  }

  /** The rules a new password must meet for this account: the policy, the login name, and not the password it replaces. */
  async assertNewPassword(user: User, password: string, field: string): Promise<void> {
    const problems = passwordProblems(password, user.username);
    if (user.passwordHash && (await this.hasher.verify(user.passwordHash, password))) problems.push('must differ from the current password');
    if (problems.length > 0) throw fieldsRefused([{ field, problems: problems.map((p) => `${field} ${p}`) }]);
  }

  /** The actor behind a bearer token, or null when the token is unknown or expired, or its account disabled. */
  async authenticate(token: string): Promise<Actor | null> {
    const session = await this.sessions.findOneBy({ tokenHash: hashToken(token) });
    if (!session || session.expiresAt <= this.clock.now()) return null;
    const user = await this.users.findOneBy({ id: session.userId });
    // Disabling ends the sessions too; this also covers a login that raced the disabling.
    return user && !user.disabledAt ? actorOf(this.users.manager, user) : null;
  }

  /** A birth date in an 18-digit number must not be after today, by the product's clock (the DTO cannot see the clock). */
  assertBornByToday(field: string, type: IdDocumentType, number: string): void {
    const problem = idDocumentNumberProblem(type, number, beijingDate(this.clock.now()));
    if (problem) throw fieldRefused(field, problem);
  }

  /** Inserts an account; a taken login name or an ID document already registered is a 409 naming the field. */
  private async insertUser(
    values: Partial<User> & { username: string; passwordHash: string; roles: Role[]; kind: AccountKind | null },
    tx: EntityManager,
    extraDetails: Record<string, unknown> = {},
  ): Promise<User> {
    const user = await insertOrTranslate(tx.save(tx.create(User, { ...values, displayName: values.displayName ?? values.username })), values.username);
    await this.audit.record(tx, 'registered', userActor(user), { username: user.username, userId: user.id, kind: user.kind, ...extraDetails });
    return user;
  }
}

function personColumns(dto: PersonDetails): Pick<User, 'displayName' | 'idType' | 'idNumber' | 'mobile' | 'email'> {
  return { displayName: dto.name, idType: dto.idType, idNumber: dto.idNumber, mobile: dto.mobile, email: dto.email };
}

/** Why an invitation cannot be used now, or null when it can. */
export function invitationProblem(invitation: OrganisationInvitation | null, now: Date): string | null {
  if (!invitation) return 'is not a valid invitation: check that it was copied whole, or ask the administrator for a new one';
  if (invitation.revokedAt) return 'was withdrawn by the organisation’s administrator';
  if (invitation.acceptedAt) return 'has already been used: each invitation registers one account';
  if (invitation.expiresAt <= now) return 'has expired (invitations are valid for 7 days): ask the administrator for a new one';
  return null;
}

/** Saves, translating a unique violation into the 409 that names the field. */
export async function insertOrTranslate<T>(saving: Promise<T>, username: string): Promise<T> {
  try {
    return await saving;
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === 'uq_users_person_id_document') throw idDocumentRegistered('idNumber');
    if (constraint === 'uq_organisations_credit_code') throw organisationRegistered();
    if (constraint) throw usernameTaken(username);
    throw error;
  }
}

// An argon2id hash of a random string nobody knows.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c1m4Z1/9L3l4RAoR5uFibg$984DdfQVwdlLNKHrrtEn0chGAf9nWxHx+1Noojvfygs';
