import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { Department } from '../catalog/department.entity.js';
import { IdentityModule } from '../identity/identity.module.js';
import { DepartmentsAdminController } from './departments-admin.controller.js';
import { DepartmentsAdminService } from './departments-admin.service.js';
import { StaffController } from './staff.controller.js';
import { StaffService } from './staff.service.js';

/** The centre's own organisation (not the applicants' organisations, which identity/ keeps): departments and staff accounts. */
@Module({
  imports: [TypeOrmModule.forFeature([Department]), AuditModule, IdentityModule, CasesModule],
  controllers: [DepartmentsAdminController, StaffController],
  providers: [DepartmentsAdminService, StaffService],
})
export class OrganisationModule {}
