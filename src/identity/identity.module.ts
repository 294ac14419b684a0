import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';
import { AuditModule } from '../audit/audit.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AccountMessenger } from './account-messenger.js';
import { AuthGuard } from './auth.guard.js';
import { IdentityAudit } from './identity-audit.js';
import { IdentityController } from './identity.controller.js';
import { IdentityService } from './identity.service.js';
import { LoginThrottle } from './login-throttle.entity.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { OrganisationInvitation } from './organisation-invitation.entity.js';
import { OrganisationMember } from './organisation-member.entity.js';
import { Organisation } from './organisation.entity.js';
import { OrganisationsService } from './organisations.service.js';
import { StaffDepartment } from '../organisation/staff-department.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetToken } from './password-reset-token.entity.js';
import { PasswordResetService } from './password-reset.service.js';
import { ProfileViews } from './profile-views.js';
import { ProfileService } from './profile.service.js';
import { Session } from './session.entity.js';
import { User } from './user.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, Session, Organisation, OrganisationMember, OrganisationInvitation, PasswordResetToken, LoginThrottle, AuditEntry, StaffDepartment]),
    AuditModule,
    NotificationsModule,
  ],
  controllers: [IdentityController],
  providers: [
    IdentityService, PasswordHasher, LoginThrottleService, IdentityAudit, ProfileViews, ProfileService, PasswordResetService, OrganisationsService,
    AccountMessenger, { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [IdentityService, OrganisationsService, PasswordResetService, IdentityAudit],
})
export class IdentityModule {}
