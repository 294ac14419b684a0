import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { type Actor } from '../common/actor.js';
import { forbidden, notFound } from '../common/app-error.js';
import { Clock } from '../common/clock.js';
import { CalendarDay } from './calendar-day.entity.js';
import { type CalendarDate } from './calendar-date.js';
import { CalendarYear } from './calendar-year.entity.js';
import type { SetCalendarDayDto } from './calendar.dto.js';
import { packageSchedule, type Schedule } from './package-schedule.js';
import { WorkingDayCalendar } from './working-day-calendar.js';

const present = ({ date, kind, name, source, updatedAt }: CalendarDay) => ({ date, kind, name, source, updatedAt });

function assertAdministrator(actor: Actor): void {
  if (!actor.roles.includes('administrator')) {
    throw forbidden({ zh: '只有系统管理员可以维护工作日历', en: 'Only administrators can change the working-day calendar' }, 'ROLE_NOT_ALLOWED');
  }
}

/**
 * The working-day calendar: our own tables, seeded from chinese-days and overridden by administrators.
 * Arithmetic runs on an in-memory snapshot (WorkingDayCalendar), reloaded whenever the tables have changed.
 */
@Injectable()
export class CalendarService {
  private snapshot?: Promise<WorkingDayCalendar>;
  private version?: string;

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(CalendarDay) private readonly days: Repository<CalendarDay>,
    @InjectRepository(CalendarYear) private readonly years: Repository<CalendarYear>,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Loads the package's schedules into the tables at boot. Only years not loaded yet are seeded, in one
   * transaction with their dates: once a year is in the table it belongs to the administrators, so a date
   * they removed does not come back at the next start (and ON CONFLICT keeps a date they set beforehand).
   */
  async seedFromPackage(schedule: Schedule = packageSchedule()): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (tx) => {
      const added: { year: number }[] = await tx.query(
        `INSERT INTO calendar_years (year, source, updated_at) SELECT unnest($1::int[]), 'package', $2
           ON CONFLICT DO NOTHING RETURNING year`,
        [schedule.years, now],
      );
      const newYears = new Set(added.map((row) => row.year));
      const days = schedule.days.filter((day) => newYears.has(Number(day.date.slice(0, 4))));
      if (days.length === 0) return;
      await tx.query(
        `INSERT INTO calendar_days (date, kind, name, source, updated_at)
           SELECT date, kind, name, 'package', $4 FROM unnest($1::date[], $2::varchar[], $3::varchar[]) AS day(date, kind, name)
           ON CONFLICT DO NOTHING`,
        [days.map((d) => d.date), days.map((d) => d.kind), days.map((d) => d.name), now],
      );
    });
  }

  async isWorkingDay(date: CalendarDate): Promise<boolean> {
    return (await this.current()).isWorkingDay(date);
  }

  async addWorkingDays(from: CalendarDate, n: number): Promise<CalendarDate> {
    return (await this.current()).addWorkingDays(from, n);
  }

  async workingDaysBetween(from: CalendarDate, to: CalendarDate): Promise<number> {
    return (await this.current()).workingDaysBetween(from, to);
  }

  async setDay(actor: Actor, date: CalendarDate, dto: SetCalendarDayDto) {
    assertAdministrator(actor);
    const after = await this.change(actor, 'calendar.setDay', async (tx) => {
      const before = await this.lockedDay(tx, date);
      const day: CalendarDay = { date, kind: dto.kind, name: dto.name, source: 'administrator', updatedBy: actor.id, updatedAt: this.clock.now() };
      await tx.upsert(CalendarDay, day, ['date']);
      return { result: day, details: { date, before: before && present(before), after: present(day) } };
    });
    return present(after);
  }

  async removeDay(actor: Actor, date: CalendarDate): Promise<void> {
    assertAdministrator(actor);
    await this.change(actor, 'calendar.removeDay', async (tx) => {
      const before = await this.lockedDay(tx, date);
      if (!before) throw notFound({ zh: `工作日历中的特殊日期 ${date}`, en: `The special date ${date} in the working-day calendar` }, 'CALENDAR_DAY_NOT_FOUND');
      await tx.delete(CalendarDay, { date });
      return { result: undefined, details: { date, before: present(before), after: null } };
    });
  }

  /** Declares a year's official schedule loaded, e.g. next year's once its dates are entered, before the package has it. */
  async markYearLoaded(actor: Actor, year: number) {
    assertAdministrator(actor);
    const loaded = await this.change(actor, 'calendar.loadYear', async (tx) => {
      const before = await tx.findOne(CalendarYear, { where: { year }, lock: { mode: 'pessimistic_write' } });
      if (before) return { result: before }; // already loaded: nothing changes, nothing to audit
      const row: CalendarYear = { year, source: 'administrator', updatedBy: actor.id, updatedAt: this.clock.now() };
      await tx.insert(CalendarYear, row);
      return { result: row, details: { year, before: null, after: { year, source: row.source } } };
    });
    return { year: loaded.year, source: loaded.source, updatedAt: loaded.updatedAt };
  }

  /** What administrators changed in the calendar, newest first. */
  async changes(actor: Actor) {
    assertAdministrator(actor);
    const entries = await this.audit.latestByActionPrefix('calendar.');
    return entries.map((e) => ({ action: e.action, actor: { id: e.actorId, name: e.actorName }, details: e.details, at: e.at }));
  }

  /** Runs one change and its audit entry in one transaction; the next question sees it. */
  private async change<T>(actor: Actor, action: string, apply: (tx: EntityManager) => Promise<{ result: T; details?: object }>): Promise<T> {
    const result = await this.dataSource.transaction(async (tx) => {
      const { result, details } = await apply(tx);
      if (details) {
        await this.audit.append(tx, {
          caseId: null, action, actorId: actor.id, actorName: actor.displayName, actorRole: 'administrator',
          stageFrom: null, stageTo: null, comment: null, commandId: null, details, at: this.clock.now(),
        });
      }
      return result;
    });
    return result;
  }

  private lockedDay(tx: EntityManager, date: CalendarDate): Promise<CalendarDay | null> {
    return tx.findOne(CalendarDay, { where: { date }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The calendar as it stands, for arithmetic that needs many questions at once (a case's deadlines). A
   * cheap check of the tables' version first, so that a change made through any process is seen at once.
   * Inside a transaction pass its manager: the embedded database has one session, and a read on another
   * connection would wait for the transaction forever.
   */
  async current(manager: EntityManager = this.dataSource.manager): Promise<WorkingDayCalendar> {
    const [{ version }] = await manager.query(
      `SELECT (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM calendar_days) || '/' ||
              (SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM calendar_years) AS version`,
    );
    if (!this.snapshot || version !== this.version) {
      this.version = version;
      this.snapshot = this.load(manager);
    }
    return this.snapshot;
  }

  private load(manager: EntityManager): Promise<WorkingDayCalendar> {
    const loading = (async () => {
      const days = await manager.find(CalendarDay, { select: { date: true, kind: true } });
      const years = await manager.find(CalendarYear, { select: { year: true } });
      return new WorkingDayCalendar(days, years.map((y) => y.year));
    })();
    // A failed load must not stay cached: the next question tries again.
    loading.catch(() => {
      if (this.snapshot === loading) this.snapshot = undefined;
    });
    return loading;
  }
}
