import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayKind } from './working-day-calendar.js';

export type CalendarSource = 'package' | 'administrator';

/** A date that is not what its weekday says: a holiday, or a weekend day worked in exchange (调休上班). */
@Entity({ name: 'calendar_days' })
export class CalendarDay {
  /** 'YYYY-MM-DD': PostgreSQL `date` comes back as a string, never as a Date with a time zone. */
  @PrimaryColumn({ type: 'date' })
  date: string;

  @Column({ type: 'varchar' })
  kind: DayKind;

  @Column()
  name: string;

  @Column({ type: 'varchar' })
  source: CalendarSource;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
