import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor.js';
import type { User } from './user.entity.js';

/**
 * The user as an actor, as they are now: the departments they serve, or the organisation they file for. Read
 * on every request, so that a change of roles or departments counts from the next one. Inside a transaction,
 * pass its manager.
 */
export async function actorOf(db: EntityManager, user: User): Promise<Actor> {
  const [place] = await db.query(
    `SELECT array(SELECT d.code FROM staff_departments s JOIN departments d ON d.id = s.department_id WHERE s.user_id = $1 ORDER BY d.code)::text[] AS department_codes,
            (SELECT organisation_id FROM organisation_members WHERE user_id = $1) AS organisation_id`,
    [user.id],
  );
  return { id: user.id, displayName: user.displayName, roles: user.roles, departmentCodes: place.department_codes, organisationId: place.organisation_id };
}
