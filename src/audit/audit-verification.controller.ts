import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, assertRole, CurrentActor } from '../common/actor.js';
import { type ChainReport, verifyChain } from './chain-verification.js';

const SUPERVISION = { zh: '监察人员和系统管理员', en: 'supervisors and administrators' };

/** 审计留痕校验: whether the audit trail is whole, for supervision and administrators. */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditVerificationController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get('verification')
  verification(@CurrentActor() actor: Actor): Promise<ChainReport> {
    assertRole(actor, ['supervisor', 'administrator'], SUPERVISION);
    return verifyChain((sql, parameters) => this.dataSource.query(sql, parameters));
  }
}
