import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../common/actor.js';
import { Clock } from '../common/clock.js';
import type { User } from './user.entity.js';

export interface IdentityEventActor {
  id: string | null;
  name: string;
  role: string;
}

/** Someone not logged in, acting on the login name they typed (a failed login, a reset request). */
export const anonymousActor = (username: string): IdentityEventActor => ({ id: null, name: username, role: 'anonymous' });
/** The platform itself (a lock after repeated failures). */
export const PLATFORM_ACTOR: IdentityEventActor = { id: null, name: '通办平台 Tongban platform', role: 'system' };
export const userActor = (user: User): IdentityEventActor => ({ id: user.id, name: user.displayName, role: user.roles[0] });
/** An administrator acting on someone's account (a staff account's creation, roles, departments, disabling). */
export const administratorActor = (actor: Actor): IdentityEventActor => ({ id: actor.id, name: actor.displayName, role: 'administrator' });

/** What happened to an account: every entry names the login name concerned in `details.username`. */
export interface IdentityEventDetails {
  username: string;
  [key: string]: unknown;
}

/**
 * The identity events of the audit trail (`identity.*`, with no case): registrations, failed logins, locks,
 * password changes and resets, profile changes, invitations, and what administrators do to staff accounts.
 * Appended in the caller's transaction.
 */
@Injectable()
export class IdentityAudit {
  constructor(
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
  ) {}

  record(tx: EntityManager, action: string, actor: IdentityEventActor, details: IdentityEventDetails): Promise<void> {
    return this.audit.append(tx, {
      caseId: null, action: `identity.${action}`, actorId: actor.id, actorName: actor.name, actorRole: actor.role,
      stageFrom: null, stageTo: null, comment: null, commandId: null, details, at: this.clock.now(),
    });
  }

  /** The newest events concerning one login name, registered or not, with where each request came from. */
  async eventsOf(username: string, limit = 200) {
    const entries = await this.entries
      .createQueryBuilder('e')
      .where('e.case_id IS NULL')
      .andWhere(`e.action LIKE 'identity.%'`)
      .andWhere(`e.details ->> 'username' = :username`, { username })
      .orderBy('e.id', 'DESC')
      .limit(limit)
      .getMany();
    return entries.map((e) => ({
      action: e.action,
      at: e.at,
      actor: { id: e.actorId, name: e.actorName, role: e.actorRole },
      details: e.details,
      origin: { sourceIp: e.sourceIp, userAgent: e.userAgent },
    }));
  }
}
