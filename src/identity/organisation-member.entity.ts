import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrganisationRole = 'administrator' | 'member';

/** An account that files for an organisation: its first account is the administrator, who invites the others. */
@Entity({ name: 'organisation_members' })
export class OrganisationMember {
  /** One organisation per account. */
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId: string;

  @Column('uuid', { name: 'organisation_id' })
  organisationId: string;

  @Column({ type: 'varchar' })
  role: OrganisationRole;

  @Column({ name: 'joined_at', type: 'timestamptz' })
  joinedAt: Date;

  /** The invitation the member registered with; null for the administrator, who registered the organisation. */
  @Column('uuid', { name: 'invitation_id', nullable: true })
  invitationId: string | null;
}
