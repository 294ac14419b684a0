import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../identity/user.entity.js';

/** Who is acting: the authenticated user as the request and the workers see them. */
export interface Actor {
  id: string;
  displayName: string;
  roles: Role[];
}

export const IS_PUBLIC = 'tongban:isPublic';
/** Marks a route that needs no login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest().actor);

export const isStaff = (actor: Actor) => actor.roles.some((role) => role !== 'applicant');
