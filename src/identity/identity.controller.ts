import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type Actor, CurrentActor, Public } from '../common/actor.js';
import { LoginDto, RegisterApplicantDto } from './identity.dto.js';
import { IdentityService } from './identity.service.js';

@ApiTags('identity 身份')
@Controller('api/identity')
export class IdentityController {
  constructor(private readonly identity: IdentityService) {}

  @Public()
  @Post('register')
  register(@Body() dto: RegisterApplicantDto) {
    return this.identity.registerApplicant(dto);
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
}
