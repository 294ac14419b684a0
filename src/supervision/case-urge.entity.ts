import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An urge (督办): a supervisor's note on a case that runs late, told to those who hold it and their department's head. */
@Entity({ name: 'case_urges' })
export class CaseUrge {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'case_id' })
  caseId: string;

  @Column({ type: 'text' })
  note: string;

  @Column('uuid', { name: 'urged_by' })
  urgedBy: string;

  @Column({ name: 'urged_at', type: 'timestamptz' })
  urgedAt: Date;

  /** The client's id for the request: sent again, it gives back the same urge instead of a second one. */
  @Column({ name: 'command_id', type: 'varchar', nullable: true, unique: true })
  commandId: string | null;

  /** Where the case stood when urged, to tell later whether it moved since. */
  @Column({ name: 'stage_at_urge' })
  stageAtUrge: string;

  @Column('uuid', { name: 'tasks_at_urge', array: true })
  tasksAtUrge: string[];
}
