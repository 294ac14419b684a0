import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type Actor } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { fieldRefused, idDocumentRegistered, uniqueViolation } from './identity-errors.js';
import { IdentityAudit, userActor } from './identity-audit.js';
import { OrganisationProfileDto, PersonProfileDto } from './identity.dto.js';
import { IdentityService } from './identity.service.js';
import { OrganisationMember } from './organisation-member.entity.js';
import { Organisation } from './organisation.entity.js';
import { type ProfileView, ProfileViews } from './profile-views.js';
import { User } from './user.entity.js';
import { validateBody } from './validate-body.js';

/**
 * The applicant's own details (`GET/PUT /api/identity/profile`). A person, or an organisation's member, edits
 * their own details; an organisation's administrator edits the organisation's. Any subset of the fields may be
 * sent; each is checked exactly as at registration.
 */
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly identity: IdentityService,
    private readonly views: ProfileViews,
    private readonly audit: IdentityAudit,
    private readonly clock: Clock,
  ) {}

  get(actor: Actor): Promise<ProfileView> {
    return this.views.of(actor.id);
  }

  async update(actor: Actor, body: unknown): Promise<ProfileView> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.id });
    if (!user.kind) {
      throw new AppError(403, 'PROFILE_NOT_EDITABLE', {
        zh: '工作人员账户的信息由系统管理员维护',
        en: 'Staff accounts’ details are kept by the administrators',
      });
    }
    const membership = await this.dataSource.getRepository(OrganisationMember).findOneBy({ userId: user.id });
    if (membership?.role === 'administrator') {
      await this.updateOrganisation(user, membership.organisationId, await validateBody(OrganisationProfileDto, body));
    } else {
      await this.updatePerson(user, await validateBody(PersonProfileDto, body));
    }
    return this.views.of(user.id);
  }

  private async updatePerson(user: User, dto: PersonProfileDto): Promise<void> {
    assertPaired(dto, 'idType', 'idNumber');
    const changes: Partial<User> = {};
    if (dto.name !== undefined) changes.displayName = dto.name;
    if (dto.idType !== undefined && dto.idNumber !== undefined) {
      this.identity.assertBornByToday('idNumber', dto.idType, dto.idNumber);
      Object.assign(changes, { idType: dto.idType, idNumber: dto.idNumber });
    }
    if (dto.mobile !== undefined) changes.mobile = dto.mobile;
    if (dto.email !== undefined) changes.email = dto.email;
    const fields = Object.keys(dto).filter((key) => (dto as Record<string, unknown>)[key] !== undefined);
    if (fields.length === 0) return;
    try {
      await this.dataSource.transaction(async (tx) => {
        await tx.update(User, { id: user.id }, changes);
        await this.audit.record(tx, 'profile_updated', userActor(user), { username: user.username, userId: user.id, fields });
      });
    } catch (error) {
      if (uniqueViolation(error) === 'uq_users_person_id_document') throw idDocumentRegistered('idNumber');
      throw error;
    }
  }

  private async updateOrganisation(user: User, organisationId: string, dto: OrganisationProfileDto): Promise<void> {
    assertPaired(dto, 'legalRepresentativeIdType', 'legalRepresentativeIdNumber');
    if (dto.legalRepresentativeIdType !== undefined && dto.legalRepresentativeIdNumber !== undefined) {
      this.identity.assertBornByToday('legalRepresentativeIdNumber', dto.legalRepresentativeIdType, dto.legalRepresentativeIdNumber);
    }
    const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined)) as Partial<Organisation>;
    const fields = Object.keys(changes);
    if (fields.length === 0) return;
    await this.dataSource.transaction(async (tx) => {
      await tx.update(Organisation, { id: organisationId }, { ...changes, updatedAt: this.clock.now() });
      // The administrator's account is the organisation's: it shows the organisation's name.
      if (changes.name !== undefined) await tx.update(User, { id: user.id }, { displayName: changes.name });
      await this.audit.record(tx, 'profile_updated', userActor(user), { username: user.username, userId: user.id, organisationId, fields });
    });
  }
}

/** A document's type and number change together: the number is checked by the type's rules. */
function assertPaired(dto: object, typeField: string, numberField: string): void {
  const given = (field: string) => (dto as Record<string, unknown>)[field] !== undefined;
  if (given(typeField) && !given(numberField)) throw fieldRefused(numberField, `must be given together with ${typeField}`);
  if (given(numberField) && !given(typeField)) throw fieldRefused(typeField, `must be given together with ${numberField}`);
}
