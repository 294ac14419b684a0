import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarSource } from './calendar-day.entity.js';

/** A year whose official schedule is loaded; working days of any other year are refused, not guessed. */
@Entity({ name: 'calendar_years' })
export class CalendarYear {
  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'varchar' })
  source: CalendarSource;

  @Column('uuid', { name: 'updated_by', nullable: true })
  updatedBy: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
