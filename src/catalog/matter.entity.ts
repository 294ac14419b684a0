import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type LimitUnit = 'working_days' | 'calendar_days';

/** An approval matter (事项) and the core of its service guide (办事指南). */
@Entity({ name: 'matters' })
export class Matter {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** 实施编码: provincial codes run long (GB/T 39554.1), so the column is wide and unvalidated in length. */
  @Column({ length: 64, unique: true })
  code: string;

  @Column()
  name: string;

  @Column('uuid', { name: 'department_id' })
  departmentId: string;

  /** Key of the BPMN process (in `workflows/`) that new cases of this matter run. */
  @Column({ name: 'process_key' })
  processKey: string;

  @Column({ name: 'legal_basis', type: 'text' })
  legalBasis: string;

  @Column({ type: 'text' })
  conditions: string;

  @Column({ name: 'legal_limit_days', type: 'int' })
  legalLimitDays: number;

  @Column({ name: 'promised_limit_days', type: 'int' })
  promisedLimitDays: number;

  /** The unit of both limits: working days (Art. 82), or calendar days (自然日) where a law says so. */
  @Column({ name: 'limit_unit', type: 'varchar' })
  limitUnit: LimitUnit;

  @Column({ type: 'text' })
  fees: string;

  /** From how many working days before the promised deadline an open case shows yellow. */
  @Column({ name: 'warning_working_days', type: 'int' })
  warningWorkingDays: number;
}
