import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type CaseStatus = 'open' | 'closed';

/** A case (办件): one filing of one matter, one process instance. */
@Entity({ name: 'cases' })
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_number', unique: true })
  caseNumber: string;

  /** Printed on the receipt: with the case number, it lets anyone follow the case without logging in. */
  @Column({ name: 'query_code' })
  queryCode: string;

  @Column('uuid', { name: 'matter_id' })
  matterId: string;

  @Column('uuid', { name: 'process_definition_id' })
  processDefinitionId: string;

  @Column('uuid', { name: 'applicant_id' })
  applicantId: string;

  /** The organisation the applicant filed for: every member of it may follow and act on the case. */
  @Column('uuid', { name: 'organisation_id', nullable: true })
  organisationId: string | null;

  /** How many times the applicant has submitted (the application, then each supplementation). */
  @Column({ name: 'submission_round', type: 'int' })
  submissionRound: number;

  /** The refused case this one was started from, its information and materials copied. */
  @Column('uuid', { name: 'copied_from', nullable: true })
  copiedFrom: string | null;

  @Column({ name: 'applicant_organisation' })
  applicantOrganisation: string;

  @Column({ name: 'project_name' })
  projectName: string;

  @Column({ name: 'legal_representative' })
  legalRepresentative: string;

  @Column({ name: 'organisation_phone' })
  organisationPhone: string;

  @Column({ name: 'handler_name' })
  handlerName: string;

  @Column({ name: 'handler_phone' })
  handlerPhone: string;

  /** Id of the BPMN element the case stands at: its open user task, or the end event it reached. */
  @Column()
  stage: string;

  @Column({ name: 'stage_name' })
  stageName: string;

  @Column({ type: 'varchar' })
  status: CaseStatus;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
