import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '../common/actor.js';
import { AppError } from '../common/app-error.js';
import { IdentityService } from './identity.service.js';

/** Every route needs a valid bearer token unless it is marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly identity: IdentityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest();
    const token = bearerToken(request.headers.authorization);
    const actor = token ? await this.identity.authenticate(token) : null;
    if (!actor) {
      throw new AppError(401, 'UNAUTHENTICATED', { zh: '请先登录（令牌缺失或已过期）', en: 'Please log in (the token is missing or has expired)' });
    }
    request.actor = actor;
    request.token = token;
    return true;
  }
}

export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}
