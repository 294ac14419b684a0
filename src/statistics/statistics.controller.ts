import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { type Actor, CurrentActor } from '../common/actor.js';
import { statisticsCsv, statisticsWorkbook } from './statistics-export.js';
import { StatisticsQuery } from './statistics.dto.js';
import { StatisticsService } from './statistics.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV = 'text/csv; charset=utf-8';

/** Saved under a Chinese name that says the period (RFC 6266 / 5987), with an ASCII fallback. */
function sendAttachment(response: Response, query: StatisticsQuery, extension: string, contentType: string, body: Buffer): void {
  const name = `统计分析-${query.from}-${query.to}.${extension}`;
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Disposition', `attachment; filename="statistics.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  response.setHeader('Cache-Control', 'no-store');
  response.end(body);
}

@ApiTags('statistics 统计分析')
@ApiBearerAuth()
@Controller('api/statistics')
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get()
  report(@CurrentActor() actor: Actor, @Query() query: StatisticsQuery) {
    return this.statistics.report(actor, query);
  }

  @Get('export.xlsx')
  @ApiProduces(XLSX)
  async workbook(@CurrentActor() actor: Actor, @Query() query: StatisticsQuery, @Res() response: Response): Promise<void> {
    sendAttachment(response, query, 'xlsx', XLSX, await statisticsWorkbook(await this.statistics.reportsPerGrouping(actor, query)));
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  async csv(@CurrentActor() actor: Actor, @Query() query: StatisticsQuery, @Res() response: Response): Promise<void> {
    sendAttachment(response, query, 'csv', CSV, statisticsCsv(await this.statistics.report(actor, query)));
  }
}
