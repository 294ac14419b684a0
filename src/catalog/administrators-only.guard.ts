import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { type Actor, assertRole } from '../common/actor.js';

const ADMINISTRATORS = { zh: '系统管理员', en: 'administrators' };

/** The catalogue's administration is for administrators: anyone else signed in is refused 403 before the request is read. */
@Injectable()
export class AdministratorsOnly implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const actor: Actor = context.switchToHttp().getRequest().actor;
    assertRole(actor, ['administrator'], ADMINISTRATORS);
    return true;
  }
}
