import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Public } from '../common/actor.js';
import { calendarDateParam, yearParam } from './calendar-params.js';
import { AddWorkingDaysQuery, SetCalendarDayDto, WorkingDaysBetweenQuery } from './calendar.dto.js';
import { CalendarService } from './calendar.service.js';

/** Period arithmetic is public: applicants may check a deadline the way the centre computes it. */
@ApiTags('calendar 工作日历')
@Controller('api/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Public()
  @Get('add-working-days')
  async addWorkingDays(@Query() query: AddWorkingDaysQuery) {
    return { date: await this.calendar.addWorkingDays(query.from, query.days) };
  }

  @Public()
  @Get('working-days-between')
  async workingDaysBetween(@Query() query: WorkingDaysBetweenQuery) {
    return { days: await this.calendar.workingDaysBetween(query.from, query.to) };
  }

  @ApiBearerAuth()
  @Put('days/:date')
  setDay(@CurrentActor() actor: Actor, @Param('date', calendarDateParam('date')) date: string, @Body() dto: SetCalendarDayDto) {
    return this.calendar.setDay(actor, date, dto);
  }

  @ApiBearerAuth()
  @Delete('days/:date')
  @HttpCode(204)
  removeDay(@CurrentActor() actor: Actor, @Param('date', calendarDateParam('date')) date: string) {
    return this.calendar.removeDay(actor, date);
  }

  @ApiBearerAuth()
  @Put('years/:year')
  markYearLoaded(@CurrentActor() actor: Actor, @Param('year', yearParam('year')) year: number) {
    return this.calendar.markYearLoaded(actor, year);
  }

  @ApiBearerAuth()
  @Get('changes')
  changes(@CurrentActor() actor: Actor) {
    return this.calendar.changes(actor);
  }
}
