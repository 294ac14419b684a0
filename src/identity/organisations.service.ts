import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { notInOrganisation, notOrganisationAdministrator } from './identity-errors.js';
import { IdentityAudit, userActor } from './identity-audit.js';
import { CreateInvitationDto } from './identity.dto.js';
import { OrganisationInvitation } from './organisation-invitation.entity.js';
import { OrganisationMember } from './organisation-member.entity.js';
import { Organisation } from './organisation.entity.js';
import { hashToken, newToken } from './tokens.js';
import { User } from './user.entity.js';

export const INVITATION_DAYS = 7;

export type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';

/**
 * Organisations and their members. The account that registered an organisation is its administrator and invites
 * colleagues, each of whom registers an account of their own into it. (Cases still belong to the account that
 * filed them; `membershipOf` is what case access by organisation can build on.)
 */
@Injectable()
export class OrganisationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: IdentityAudit,
    private readonly clock: Clock,
  ) {}

  /** The organisation an account files for, and its role there; null for a person's account or a staff member's. */
  membershipOf(userId: string): Promise<OrganisationMember | null> {
    return this.dataSource.getRepository(OrganisationMember).findOneBy({ userId });
  }

  /** The organisation of the signed-in account, with its members. */
  async view(actor: Actor) {
    const membership = await this.membershipOf(actor.id);
    if (!membership) throw notInOrganisation();
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: membership.organisationId });
    const members: { id: string; username: string; displayName: string; role: string; joinedAt: Date }[] = await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name AS "displayName", m.role, m.joined_at AS "joinedAt"
         FROM organisation_members m JOIN users u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY m.joined_at, u.username`,
      [organisation.id],
    );
    // The legal representative's ID number is for the administrator's eyes (and the profile) only.
    const { legalRepresentativeIdNumber, ...shared } = organisation;
    return { ...(membership.role === 'administrator' ? organisation : shared), role: membership.role, members };
  }

  /** A new invitation: the token is shown this once, to the administrator, who passes it on. */
  async invite(actor: Actor, dto: CreateInvitationDto) {
    const { user, membership } = await this.administrator(actor);
    const token = newToken();
    const now = this.clock.now();
    const invitation = await this.dataSource.transaction(async (tx) => {
      const saved = await tx.save(tx.create(OrganisationInvitation, {
        organisationId: membership.organisationId,
        tokenHash: hashToken(token),
        invitedBy: user.id,
        note: dto.note ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
        acceptedAt: null,
        acceptedBy: null,
        revokedAt: null,
      }));
      await this.audit.record(tx, 'invitation_created', userActor(user), {
        username: user.username, userId: user.id, organisationId: membership.organisationId, invitationId: saved.id, note: saved.note,
      });
      return saved;
    });
    return {
      ...this.invitationView(invitation, null, now),
      token,
      howToUse: 'POST /api/identity/register with kind "organisation_member", this token as invitationToken, and the colleague’s own details',
    };
  }

  async invitations(actor: Actor) {
    const { membership } = await this.administrator(actor);
    const now = this.clock.now();
    const invitations = await this.dataSource.getRepository(OrganisationInvitation).find({
      where: { organisationId: membership.organisationId },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    const acceptedIds = invitations.map((i) => i.acceptedBy).filter((id): id is string => id !== null);
    const accepted = acceptedIds.length
      ? await this.dataSource.getRepository(User).createQueryBuilder('u').where('u.id IN (:...ids)', { ids: acceptedIds }).getMany()
      : [];
    const byId = new Map(accepted.map((u) => [u.id, u]));
    return invitations.map((i) => this.invitationView(i, i.acceptedBy ? (byId.get(i.acceptedBy) ?? null) : null, now));
  }

  /** Withdraws an invitation not used yet. */
  async revoke(actor: Actor, invitationId: string): Promise<void> {
    const { user, membership } = await this.administrator(actor);
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      const invitation = await tx.findOne(OrganisationInvitation, {
        where: { id: invitationId, organisationId: membership.organisationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!invitation) throw notFound({ zh: '邀请', en: 'Invitation' });
      const status = statusOf(invitation, now);
      if (status !== 'pending') {
        throw new AppError(409, 'INVITATION_NOT_PENDING', {
          zh: `该邀请已${{ accepted: '被使用', revoked: '撤回', expired: '过期' }[status]}，无需撤回`,
          en: `The invitation is already ${status}: there is nothing to withdraw`,
        }, { status });
      }
      await tx.update(OrganisationInvitation, { id: invitation.id }, { revokedAt: now });
      await this.audit.record(tx, 'invitation_revoked', userActor(user), {
        username: user.username, userId: user.id, organisationId: membership.organisationId, invitationId,
      });
    });
  }

  private async administrator(actor: Actor): Promise<{ user: User; membership: OrganisationMember }> {
    const membership = await this.membershipOf(actor.id);
    if (!membership) throw notInOrganisation();
    if (membership.role !== 'administrator') throw notOrganisationAdministrator();
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.id });
    return { user, membership };
  }

  private invitationView(invitation: OrganisationInvitation, acceptedBy: User | null, now: Date) {
    return {
      id: invitation.id,
      note: invitation.note,
      status: statusOf(invitation, now),
      createdAt: invitation.createdAt,
      expiresAt: invitation.expiresAt,
      acceptedAt: invitation.acceptedAt,
      acceptedBy: acceptedBy ? { id: acceptedBy.id, username: acceptedBy.username, displayName: acceptedBy.displayName } : null,
      revokedAt: invitation.revokedAt,
    };
  }
}

function statusOf(invitation: OrganisationInvitation, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt <= now ? 'expired' : 'pending';
}
