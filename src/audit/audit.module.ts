import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainWriter } from './audit-chain-writer.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditVerificationController } from './audit-verification.controller.js';
import { AuditService } from './audit.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEntry])],
  controllers: [AuditVerificationController],
  providers: [AuditService, AuditChainWriter],
  exports: [AuditService],
})
export class AuditModule {}
