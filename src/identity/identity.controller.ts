import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiExtraModels, ApiTags, getSchemaPath } from '@nestjs/swagger';
import { type Actor, CurrentActor, Public } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { uuidParam } from '../common/uuid-param.js';
import { fieldsRefused } from './identity-errors.js';
import { IdentityAudit } from './identity-audit.js';
import {
  ChangePasswordDto, CreateInvitationDto, LoginDto, OrganisationMemberRegistrationDto, OrganisationProfileDto, OrganisationRegistrationDto,
  PasswordResetDto, PasswordResetRequestDto, PersonProfileDto, PersonRegistrationDto, REGISTRATION_KINDS, RegisterApplicantDto, SecurityLogQuery,
} from './identity.dto.js';
import { IdentityService } from './identity.service.js';
import { OrganisationsService } from './organisations.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { ProfileService } from './profile.service.js';
import { validateBody } from './validate-body.js';

const REGISTRATIONS = {
  person: PersonRegistrationDto,
  organisation: OrganisationRegistrationDto,
  organisation_member: OrganisationMemberRegistrationDto,
} as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

@ApiTags('identity 身份')
@Controller('api/identity')
export class IdentityController {
  constructor(
    private readonly identity: IdentityService,
    private readonly profiles: ProfileService,
    private readonly resets: PasswordResetService,
    private readonly organisations: OrganisationsService,
    private readonly audit: IdentityAudit,
  ) {}

  /**
   * Registration as a person (`kind: "person"`), as an organisation (`kind: "organisation"`, whose account is
   * the organisation's administrator), or into an organisation with an invitation (`kind: "organisation_member"`).
   * Without `kind`: a basic applicant account (username, displayName, password) whose details come later.
   */
  @Public()
  @Post('register')
  @ApiExtraModels(PersonRegistrationDto, OrganisationRegistrationDto, OrganisationMemberRegistrationDto, RegisterApplicantDto)
  @ApiBody({
    schema: {
      oneOf: [PersonRegistrationDto, OrganisationRegistrationDto, OrganisationMemberRegistrationDto, RegisterApplicantDto].map((dto) => ({ $ref: getSchemaPath(dto) })),
    },
  })
  async register(@Body() body: unknown) {
    const kind = isObject(body) ? body.kind : undefined;
    if (kind === undefined) return this.identity.registerApplicant(await validateBody(RegisterApplicantDto, body));
    if (kind === 'person') return this.identity.registerPerson(await validateBody(PersonRegistrationDto, body));
    if (kind === 'organisation') return this.identity.registerOrganisation(await validateBody(OrganisationRegistrationDto, body));
    if (kind === 'organisation_member') return this.identity.registerOrganisationMember(await validateBody(OrganisationMemberRegistrationDto, body));
    throw fieldsRefused([{ field: 'kind', problems: [`kind must be one of: ${REGISTRATION_KINDS.join(', ')} (or left out for a basic applicant account)`] }]);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body() dto: LoginDto) {
    return this.identity.login(dto.username, dto.password);
  }

  @ApiBearerAuth()
  @Post('logout')
  @HttpCode(204)
  logout(@Req() request: { token: string }) {
    return this.identity.logout(request.token);
  }

  @ApiBearerAuth()
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return actor;
  }

  @ApiBearerAuth()
  @Get('profile')
  profile(@CurrentActor() actor: Actor) {
    return this.profiles.get(actor);
  }

  /** Any of the account's fields (a person's own, or the organisation's for its administrator), each checked as at registration. */
  @ApiBearerAuth()
  @Put('profile')
  @ApiExtraModels(PersonProfileDto, OrganisationProfileDto)
  @ApiBody({ schema: { oneOf: [{ $ref: getSchemaPath(PersonProfileDto) }, { $ref: getSchemaPath(OrganisationProfileDto) }] } })
  updateProfile(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.profiles.update(actor, body);
  }

  /** Needs the current password; every other session of the account ends. */
  @ApiBearerAuth()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentActor() actor: Actor, @Req() request: { token: string }, @Body() dto: ChangePasswordDto) {
    return this.identity.changePassword(actor, request.token, dto);
  }

  /** Sends a reset token (valid 1 hour, single use) through the notification channel; answers the same for any name. */
  @Public()
  @Post('password-reset')
  @HttpCode(202)
  requestPasswordReset(@Body() dto: PasswordResetRequestDto) {
    this.resets.request(dto.username);
    return {
      message: {
        zh: '如果该账户存在，重置令牌已通过短信、邮件或站内消息发送，1 小时内有效',
        en: 'If the account exists, a reset token has been sent by SMS, e-mail or the in-platform inbox; it is valid for 1 hour',
      },
    };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  resetPassword(@Body() dto: PasswordResetDto) {
    return this.resets.reset(dto);
  }

  /** A staff account's first password, with the setup token (single use, 72 hours) an administrator was given when creating it. */
  @Public()
  @Post('password-setup')
  @HttpCode(204)
  setUpPassword(@Body() dto: PasswordResetDto) {
    return this.resets.setUp(dto);
  }

  /** The account's own security events (failed logins, locks, password changes…); administrators may name any login name. */
  @ApiBearerAuth()
  @Get('security-log')
  async securityLog(@CurrentActor() actor: Actor, @Query() query: SecurityLogQuery) {
    const own = (await this.profiles.get(actor)).username;
    if (query.username !== undefined && query.username !== own && !actor.roles.includes('administrator')) {
      throw new AppError(403, 'ROLE_NOT_ALLOWED', { zh: '只有系统管理员可以查看其他账户的安全记录', en: 'Only administrators may read another account’s security log' });
    }
    return this.audit.eventsOf(query.username ?? own);
  }

  @ApiBearerAuth()
  @Get('organisation')
  organisation(@CurrentActor() actor: Actor) {
    return this.organisations.view(actor);
  }

  /** The organisation's administrator invites a colleague: the token (single use, 7 days) is in this answer only. */
  @ApiBearerAuth()
  @Post('organisation/invitations')
  invite(@CurrentActor() actor: Actor, @Body() dto: CreateInvitationDto) {
    return this.organisations.invite(actor, dto);
  }

  @ApiBearerAuth()
  @Get('organisation/invitations')
  invitations(@CurrentActor() actor: Actor) {
    return this.organisations.invitations(actor);
  }

  @ApiBearerAuth()
  @Delete('organisation/invitations/:invitationId')
  @HttpCode(204)
  revokeInvitation(@CurrentActor() actor: Actor, @Param('invitationId', uuidParam('invitationId')) invitationId: string) {
    return this.organisations.revoke(actor, invitationId);
  }
}
