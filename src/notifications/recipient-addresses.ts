import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganisationMember } from '../identity/organisation-member.entity.js';
import { Organisation } from '../identity/organisation.entity.js';
import { User } from '../identity/user.entity.js';

/** The addresses of a user that the platform keeps in their account, read when a message is sent. */
@Injectable()
export class RecipientAddresses {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(OrganisationMember) private readonly members: Repository<OrganisationMember>,
    @InjectRepository(Organisation) private readonly organisations: Repository<Organisation>,
  ) {}

  /** Their own e-mail address; for an organisation's administrator account, which has none of its own, the organisation's. */
  async emailOf(userId: string): Promise<string | null> {
    const user = await this.users.findOneBy({ id: userId });
    if (!user || user.email) return user?.email ?? null;
    const membership = await this.members.findOneBy({ userId, role: 'administrator' });
    if (!membership) return null;
    return (await this.organisations.findOneBy({ id: membership.organisationId }))?.email ?? null;
  }
}
