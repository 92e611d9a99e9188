import type { Db } from '../db/connect.js';
import { runScoped } from '../db/scope.js';
import { organisations, regions, users } from '../db/schema/index.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { registerHousehold } from '../modules/households/households.js';
import { attachProfessional } from '../modules/households/involvements.js';
import { DEMO_ORGANISATIONS, DEMO_PASSWORD, DEMO_USERS } from './directory.js';
import { DEMO_HOUSEHOLDS } from './households.js';
import { DEMO_TOTP_SECRET, hasDemoTotp } from './second-factor.js';
import { seedSignals } from './signals.js';
import { seedConsents } from './consents.js';
import { seedServices } from './services.js';
import { actorByEmail } from './actors.js';

export const DEMO_REGION = 'Regio IJssel-Vecht (demo)';

/** Whether the database has no region yet (a fresh install). */
export async function isEmpty(owner: Db): Promise<boolean> {
  return (await owner.select({ id: regions.id }).from(regions).limit(1)).length === 0;
}

/**
 * Part 1, as the schema owner: the region, its organisations and accounts (tables without household data).
 * `which` limits the accounts, for tests that want a small baseline.
 */
export async function seedDirectory(owner: Db, password = DEMO_PASSWORD): Promise<void> {
  const passwordHash = await hashPassword(password);
  await owner.transaction(async (tx) => {
    const [region] = await tx.insert(regions).values({ name: DEMO_REGION }).returning();
    const orgIds = new Map<string, string>();
    for (const o of DEMO_ORGANISATIONS) {
      const [row] = await tx
        .insert(organisations)
        .values({
          regionId: region!.id,
          name: o.name,
          type: o.type,
          phone: o.phone,
          email: o.email,
          address: o.address,
          managerName: o.manager[0],
          managerEmail: o.manager[1],
          directorName: o.director[0],
          directorEmail: o.director[1],
        })
        .returning();
      orgIds.set(o.key, row!.id);
    }
    for (const u of DEMO_USERS) {
      await tx.insert(users).values({
        regionId: region!.id,
        organisationId: orgIds.get(u.org)!,
        name: u.name,
        email: u.email,
        phone: u.phone,
        roles: u.roles,
        fte: u.fte ?? null,
        passwordHash,
        ...(hasDemoTotp(u.key) ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
      });
    }
    await seedServices(tx, region!.id, orgIds);
  });
}

/** Part 2, as the application role through the real use cases: the demo households (audited like any write). */
export async function seedHouseholds(app: Db): Promise<void> {
  const emailOf = (key: string) => DEMO_USERS.find((u) => u.key === key)!.email;
  const meta = { clientAddress: 'seed' };
  for (const demo of DEMO_HOUSEHOLDS) {
    const coordinator = await actorByEmail(app, emailOf(demo.coordinator));
    const partners = await Promise.all(
      demo.partners.map(async ([key, description]) => ({
        actor: await actorByEmail(app, emailOf(key)),
        description,
      })),
    );
    await runScoped(app, coordinator, meta, async (scope) => {
      const h = await registerHousehold(scope, demo.household);
      for (const p of partners)
        await attachProfessional(scope, h.id, { userId: p.actor.userId, description: p.description });
    });
  }
  await seedConsents(app);
  await seedSignals(app);
}

export function demoLogins(): { role: string; email: string; password: string }[] {
  return DEMO_USERS.map((u) => ({ role: u.roles.join(', '), email: u.email, password: DEMO_PASSWORD }));
}
