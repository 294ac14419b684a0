import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type CaseStatus = 'open' | 'closed';
/** Filed online by the applicant, or at the window by staff for them (窗口受理). */
export type FilingChannel = 'online' | 'window';

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

  /** The applicant's account; null for a walk-in applicant without one. */
  @Column('uuid', { name: 'applicant_id', nullable: true })
  applicantId: string | null;

  @Column({ type: 'varchar' })
  channel: FilingChannel;

  /** The member of staff who filed a walk-in case. */
  @Column('uuid', { name: 'filed_by', nullable: true })
  filedBy: string | null;

  /** The department whose window filed a walk-in case: its window staff act for the applicant until the case ends. */
  @Column({ name: 'filing_department', type: 'varchar', nullable: true })
  filingDepartment: string | null;

  /** A walk-in applicant's identity document: a citizen ID number or a unified social credit code. */
  @Column({ name: 'applicant_document', type: 'varchar', nullable: true })
  applicantDocument: string | null;

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
