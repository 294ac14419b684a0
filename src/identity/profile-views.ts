import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IdDocumentType } from './id-documents.js';
import { OrganisationMember, type OrganisationRole } from './organisation-member.entity.js';
import { Organisation } from './organisation.entity.js';
import { type AccountKind, type Role, User } from './user.entity.js';

/**
 * An account as its holder sees it. The fields have the names registration and `PUT /api/identity/profile`
 * use: a person's (or an organisation member's) own details, or, for an organisation's administrator, the
 * organisation's details.
 */
export interface ProfileView {
  id: string;
  username: string;
  kind: AccountKind | null;
  displayName: string;
  roles: Role[];
  /** Whether every required detail is there (a basic registration has none yet). */
  complete: boolean;
  missing: string[];
  organisation: { id: string; name: string; creditCode: string; role: OrganisationRole } | null;
  name?: string;
  idType?: IdDocumentType | null;
  idNumber?: string | null;
  mobile?: string | null;
  email?: string | null;
  creditCode?: string;
  legalRepresentativeName?: string;
  legalRepresentativeIdType?: IdDocumentType;
  legalRepresentativeIdNumber?: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
}

export function profileView(user: User, membership: OrganisationMember | null, organisation: Organisation | null): ProfileView {
  const base = {
    id: user.id,
    username: user.username,
    kind: user.kind,
    displayName: user.displayName,
    roles: user.roles,
    organisation: membership && organisation
      ? { id: organisation.id, name: organisation.name, creditCode: organisation.creditCode, role: membership.role }
      : null,
  };
  if (!user.kind) return { ...base, complete: true, missing: [] };
  if (membership?.role === 'administrator' && organisation) {
    return {
      ...base,
      complete: true,
      missing: [],
      name: organisation.name,
      creditCode: organisation.creditCode,
      legalRepresentativeName: organisation.legalRepresentativeName,
      legalRepresentativeIdType: organisation.legalRepresentativeIdType,
      legalRepresentativeIdNumber: organisation.legalRepresentativeIdNumber,
      address: organisation.address,
      contactName: organisation.contactName,
      contactPhone: organisation.contactPhone,
      mobile: organisation.mobile,
      email: organisation.email,
    };
  }
  const person = { name: user.displayName, idType: user.idType, idNumber: user.idNumber, mobile: user.mobile, email: user.email };
  const missing = Object.entries(person).filter(([, value]) => value === null).map(([field]) => field);
  return { ...base, complete: missing.length === 0, missing, ...person };
}

@Injectable()
export class ProfileViews {
  constructor(private readonly dataSource: DataSource) {}

  async of(userId: string, tx: EntityManager = this.dataSource.manager): Promise<ProfileView> {
    const user = await tx.findOneByOrFail(User, { id: userId });
    const membership = await tx.findOneBy(OrganisationMember, { userId });
    const organisation = membership ? await tx.findOneBy(Organisation, { id: membership.organisationId }) : null;
    return profileView(user, membership, organisation);
  }
}
