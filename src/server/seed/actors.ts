import { eq } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import type { Actor } from '../access/actor.js';
import type { Db } from '../db/connect.js';
import { organisations, users } from '../db/schema/index.js';

/** A seeded account as the actor of seed work (the demo data is written through the use cases, as that user). */
export async function actorByEmail(app: Db, email: string): Promise<Actor> {
  const [row] = await app
    .select({ u: users, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, email));
  if (!row) throw new Error(`demo user ${email} missing`);
  return {
    userId: row.u.id,
    regionId: row.u.regionId,
    organisationId: row.u.organisationId,
    organisationName: row.orgName,
    name: row.u.name,
    email: row.u.email,
    roles: row.u.roles as Role[],
  };
}
