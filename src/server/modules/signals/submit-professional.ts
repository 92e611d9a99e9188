import { desc, eq } from 'drizzle-orm';
import type { ProfessionalSignalInput, SignalSummary } from '../../../contracts/signals.js';
import { triageDueAt } from '../../../domain/signals/deadline.js';
import { invalid } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { households } from '../../db/schema/households.js';
import { signalReceipts, signals } from '../../db/schema/signals.js';
import type { Scope } from '../../db/scope.js';
import { announceSignal, codeHash, newId, newReferenceCode, toSummary } from './shared.js';
import type { SignalSettings } from './settings.js';

type Input = ReturnType<typeof ProfessionalSignalInput.parse>;

/** A professional passes a signal on (001 §5.3.1): about a household they already see, or a new person. */
export async function submitProfessionalSignal(
  scope: Scope,
  input: Input,
  settings: SignalSettings,
): Promise<SignalSummary> {
  requireAccess(scope, 'signal.submit');
  if (!input.householdId && !input.subject)
    throw invalid([{ path: 'subject', message: 'Say whom the signal is about, or choose a household.' }]);
  let subject = input.subject;
  let basis = 'signal';
  if (input.householdId) {
    const grant = await requireAccess(scope, 'view', {
      householdId: input.householdId,
      objectType: 'signal',
    });
    basis = grant.basis;
    const [h] = await scope.tx.select().from(households).where(eq(households.id, input.householdId));
    subject ??= {
      name: h!.name,
      dateOfBirth: null,
      address: { street: h!.street, houseNumber: h!.houseNumber, postcode: h!.postcode, city: h!.city },
    };
  }
  const { actor, now } = scope;
  const code = newReferenceCode();
  const [row] = await scope.tx
    .insert(signals)
    .values({
      id: newId(),
      regionId: actor.regionId,
      referenceCode: code,
      source: 'professional',
      submittedBy: actor.userId,
      signallerName: `${actor.name} (${actor.organisationName})`,
      signallerEmail: actor.email,
      subjectName: subject!.name,
      subjectDateOfBirth: subject!.dateOfBirth,
      subjectStreet: subject!.address.street,
      subjectHouseNumber: subject!.address.houseNumber,
      subjectPostcode: subject!.address.postcode,
      subjectCity: subject!.address.city,
      concern: input.concern,
      urgency: input.urgency,
      householdId: input.householdId,
      receivedAt: now,
      dueAt: triageDueAt(now, input.urgency, settings.triage),
    })
    .returning();
  await scope.tx
    .insert(signalReceipts)
    .values({ codeHash: codeHash(code), status: 'received', receivedAt: now, updatedAt: now });
  await announceSignal(scope.tx, actor.regionId, row!, now);
  scope.audit({
    objectType: 'signal',
    objectId: row!.id,
    householdId: input.householdId,
    action: 'create',
    basis,
  });
  return toSummary(row!, now);
}

/** The signals the caller passed on, with their status (the signaller's feedback, 001 §2.2). */
export async function listOwnSignals(scope: Scope): Promise<SignalSummary[]> {
  requireAccess(scope, 'signal.submit');
  const rows = await scope.tx
    .select()
    .from(signals)
    .where(eq(signals.submittedBy, scope.actor.userId))
    .orderBy(desc(signals.receivedAt))
    .limit(100);
  for (const r of rows)
    scope.audit({
      objectType: 'signal_summary',
      objectId: r.id,
      householdId: r.householdId,
      action: 'read',
      basis: 'signaller',
    });
  // The signaller hears the status, not the outcome.
  return rows.map((r) => ({ ...toSummary(r, scope.now), outcome: null }));
}
