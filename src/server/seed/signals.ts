import { eq } from 'drizzle-orm';
import type { Role } from '../../contracts/roles.js';
import type { Db } from '../db/connect.js';
import { organisations, users } from '../db/schema/core.js';
import { runScoped } from '../db/scope.js';
import { signalSettings } from '../modules/signals/settings.js';
import { submitProfessionalSignal } from '../modules/signals/submit-professional.js';
import { submitPublicSignal } from '../modules/signals/submit-public.js';

const noAddress = { street: '', houseNumber: '', postcode: '', city: '' };

/** A few signals in the triage queue of the demo region: two from the public form, one from a school. */
export async function seedSignals(app: Db, now = new Date()): Promise<void> {
  const settings = signalSettings();
  const meta = { clientAddress: 'seed' };
  const earlier = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  await submitPublicSignal(
    app,
    {
      signallerName: 'Buurvrouw (anoniem voor het gezin)',
      signallerEmail: '',
      signallerPhone: '06 5555 0101',
      subject: {
        name: 'Familie Jansen',
        dateOfBirth: null,
        address: { street: 'Kerkstraat', houseNumber: '12', postcode: '8011 AB', city: 'Zwolle' },
      },
      concern:
        'Al weken hoor ik ’s avonds hard schreeuwen. De kinderen zitten vaak buiten op de stoep, ook als het koud is.',
      urgency: 'urgent',
      website: '',
    },
    meta,
    settings,
    earlier(30),
  );
  await submitPublicSignal(
    app,
    {
      signallerName: 'Karel de Wit',
      signallerEmail: 'karel.dewit@example.nl',
      signallerPhone: '',
      subject: {
        name: 'Meneer Yilmaz',
        dateOfBirth: '1961-09-12',
        address: { ...noAddress, city: 'Zwolle' },
      },
      concern:
        'Mijn buurman laat niemand meer binnen. Er ligt veel post en ik ruik een vieze lucht uit zijn huis.',
      urgency: 'normal',
      website: '',
    },
    meta,
    settings,
    earlier(2),
  );
  const [school] = await app
    .select({ u: users, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.email, 'school@schakel.demo'));
  if (!school) return;
  const actor = {
    userId: school.u.id,
    regionId: school.u.regionId,
    organisationId: school.u.organisationId,
    organisationName: school.orgName,
    name: school.u.name,
    email: school.u.email,
    roles: school.u.roles as Role[],
  };
  await runScoped(
    app,
    actor,
    meta,
    (scope) =>
      submitProfessionalSignal(
        scope,
        {
          householdId: null,
          subject: {
            name: 'Daan Mulder',
            dateOfBirth: '2011-05-20',
            address: { street: 'Westerlaan', houseNumber: '40', postcode: '8011 CB', city: 'Zwolle' },
          },
          concern:
            'Daan is dit schooljaar 23 keer afwezig geweest. Moeder zegt dat ze het niet meer aankan; er zijn ook geldzorgen.',
          urgency: 'normal',
        },
        settings,
      ),
    earlier(100),
  );
}
