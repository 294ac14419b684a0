import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The applicant's rating of a finished case (一事一评), on the five levels of GB/T 39046 A.8, where 1 is the
 * best. A poor one (4 or 5) carries its reason and opens a rectification ticket for the department.
 */
@Entity({ name: 'case_ratings' })
export class CaseRating {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column('uuid', { name: 'rater_id' })
  raterId: string;

  @Column({ type: 'int' })
  level: number;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The department that handled the case: whoever handled it answers for it (谁办理、谁负责). */
  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  @Column({ name: 'follow_up_status', type: 'varchar' })
  followUpStatus: 'none' | 'open' | 'closed';

  @Column({ name: 'follow_up_due', type: 'date', nullable: true })
  followUpDue: string | null;

  /** What the department did and told the rater (回访 and feedback): needed to close the ticket. */
  @Column({ name: 'follow_up_record', type: 'text', nullable: true })
  followUpRecord: string | null;

  @Column('uuid', { name: 'followed_up_by', nullable: true })
  followedUpBy: string | null;

  @Column({ name: 'followed_up_at', type: 'timestamptz', nullable: true })
  followedUpAt: Date | null;
}
