import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The electronic licence record (电子证照) a granted case issues: one per case. */
@Entity({ name: 'licences' })
export class Licence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'licence_number' })
  licenceNumber: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('uuid', { name: 'matter_id' })
  matterId: string;

  @Column()
  holder: string;

  @Column({ name: 'project_name' })
  projectName: string;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt: Date;
}
