import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { AppError } from './app-error.js';
import type { Role } from '../identity/user.entity.js';

/** Who is acting: the authenticated user as the request and the workers see them. */
export interface Actor {
  id: string;
  displayName: string;
  roles: Role[];
  /** Codes of the departments a member of staff serves (several for a comprehensive window); empty for applicants. */
  departmentCodes: string[];
  /** The organisation an applicant files for, whose cases all its members share; null for a person and for staff. */
  organisationId: string | null;
}

export const IS_PUBLIC = 'tongban:isPublic';
/** Marks a route that needs no login. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest().actor);

export const isStaff = (actor: Actor) => actor.roles.some((role) => role !== 'applicant');

/** Refuses with 403 unless the actor holds one of the roles; the message says who may. */
export function assertRole(actor: Actor, roles: readonly Role[], who: { zh: string; en: string }): void {
  if (!roles.some((role) => actor.roles.includes(role))) {
    throw new AppError(403, 'ROLE_NOT_ALLOWED', { zh: `只有${who.zh}可以执行此操作`, en: `Only ${who.en} may do this` }, { requiredRoles: roles });
  }
}

/** Who watches every department's cases (电子监察), as refusals name them. */
export const SUPERVISORS = { zh: '电子监察员', en: 'supervisors' };
