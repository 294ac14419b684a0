import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const CONSULTATION_KINDS = ['consultation', 'complaint'] as const;
/** 咨询 a question to a department; 投诉 a complaint about how it served (GB/T 39046 办事互动). */
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

/** A message an applicant writes to a department (我要问), and the one answer its staff give. */
@Entity({ name: 'consultations' })
export class Consultation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar' })
  kind: ConsultationKind;

  @Column('uuid', { name: 'author_id' })
  authorId: string;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  /** The matter it is about, if any. */
  @Column('uuid', { name: 'matter_id', nullable: true })
  matterId: string | null;

  /** The author's own case it is about, if any. */
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @Column()
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** The last day of the reply period (承诺时限), in working days; null while that year's holiday schedule is not loaded. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column('uuid', { name: 'answered_by', nullable: true })
  answeredBy: string | null;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt: Date | null;
}
