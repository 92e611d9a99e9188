import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { localDate } from '../../../domain/calendar/working-days.js';
import { deadlineOf } from '../../../domain/stagnation/ladder.js';
import type { EscalationLevel, LadderStep } from '../../../domain/stagnation/settings.js';
import type { AuditEvent } from '../../audit/writer.js';
import type { Tx } from '../../db/connect.js';
import { organisations, users } from '../../db/schema/core.js';
import { households } from '../../db/schema/households.js';
import { escalationSteps, stagnationOutreach, stagnations } from '../../db/schema/stagnation.js';
import { enqueueMail } from '../../mail/outbox.js';
import { absoluteLink, mailSettings } from '../../mail/settings.js';
import { professionalMail } from '../../mail/templates.js';
import { notify } from '../notifications/notify.js';

/** A date as Dutch readers write it: 25-11-2026 (Europe/Amsterdam). */
const nlDate = (at: Date) => localDate(at).split('-').reverse().join('-');

export type StagnationRow = typeof stagnations.$inferSelect;

export interface StepContext {
  tx: Tx;
  now: Date;
  audit(...events: AuditEvent[]): void;
}

interface Target {
  userIds: string[];
  name: string;
  email: string;
  organisationId: string | null;
}

const OUTREACH_LABEL: Record<string, string> = {
  contacted_client: 'contact met de cliënt',
  joint_conversation: 'gezamenlijk gesprek met cliënt en partner',
  home_visit: 'huisbezoek',
};
const LEVEL_LABEL: Record<EscalationLevel, string> = {
  partner_professional: 'de betrokken professional',
  partner_manager: 'de leidinggevende van de partner',
  process_manager: 'de procesmanager',
  partner_director: 'de directeur van de partner',
  alderman: 'het bureau van de wethouder',
};
const AGREED: Record<string, string> = {
  no_shows: 'Afspraken van een gezinslid bij deze organisatie.',
  no_contact: 'Regelmatig contact met het huishouden zolang het plan loopt.',
  action_overdue: 'Een actie uit het plan, met een afgesproken datum.',
  referral_unanswered: 'Een antwoord op een verwijzing binnen de afgesproken werkdagen.',
  waitlist_overdue: 'De start van de hulp na de wachtlijst.',
  evaluation_overdue: 'Een evaluatie van het plan op de afgesproken datum.',
  no_agreed_plan: 'Een afgesproken plan kort na de toewijzing van de regisseur.',
  reported: 'De afspraken uit het plan.',
};
const NOT_DELIVERED: Record<string, string> = {
  no_shows: 'Het gezinslid kwam meerdere keren achter elkaar niet.',
  no_contact: 'Er is al lange tijd geen contact geweest.',
  action_overdue: 'De actie is niet gedaan en de datum is ruim voorbij.',
  referral_unanswered: 'Er is nog geen antwoord op de verwijzing.',
  waitlist_overdue: 'De hulp is nog niet gestart.',
  evaluation_overdue: 'De evaluatie is niet vastgelegd.',
  no_agreed_plan: 'Er is nog geen afgesproken plan.',
  reported: 'Een betrokkene meldde dat het vastloopt.',
};

/** Who is addressed at a level: a user where one exists, otherwise the organisation's contact by e-mail. */
async function targetFor(
  tx: Tx,
  level: EscalationLevel,
  s: StagnationRow,
  coordinatorId: string | null,
): Promise<Target> {
  const orgId = s.organisationId;
  const [org] = orgId ? await tx.select().from(organisations).where(eq(organisations.id, orgId)) : [];
  const usersWith = async (role: string, where: ReturnType<typeof sql>) =>
    tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.active, true), sql`${role} = any(${users.roles})`, where))
      .orderBy(asc(users.createdAt), asc(users.id));
  switch (level) {
    case 'partner_professional': {
      const id = s.partnerUserId ?? coordinatorId;
      if (id) {
        const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, id));
        return { userIds: [id], name: u?.name ?? '', email: '', organisationId: orgId };
      }
      return { userIds: [], name: org?.name ?? '', email: org?.email ?? '', organisationId: orgId };
    }
    case 'partner_manager': {
      const managers = orgId
        ? await usersWith('partner_manager', sql`${users.organisationId} = ${orgId}`)
        : [];
      if (managers.length > 0)
        return {
          userIds: managers.map((m) => m.id),
          name: managers.map((m) => m.name).join(', '),
          email: '',
          organisationId: orgId,
        };
      return {
        userIds: [],
        name: org?.managerName ?? '',
        email: org?.managerEmail ?? '',
        organisationId: orgId,
      };
    }
    case 'process_manager': {
      const pms = await usersWith('process_manager', sql`${users.regionId} = ${s.regionId}`);
      return {
        userIds: pms.map((m) => m.id),
        name: pms.map((m) => m.name).join(', '),
        email: '',
        organisationId: orgId,
      };
    }
    case 'partner_director':
      return {
        userIds: [],
        name: org?.directorName ?? '',
        email: org?.directorEmail ?? '',
        organisationId: orgId,
      };
    case 'alderman': {
      const [gemeente] = await tx
        .select()
        .from(organisations)
        .where(
          and(
            eq(organisations.regionId, s.regionId),
            eq(organisations.type, 'gemeente'),
            eq(organisations.active, true),
          ),
        )
        .orderBy(asc(organisations.createdAt))
        .limit(1);
      return {
        userIds: [],
        name: gemeente?.directorName || gemeente?.name || '',
        email: gemeente?.directorEmail || gemeente?.email || '',
        organisationId: gemeente?.id ?? null,
      };
    }
  }
}

/** The short briefing: what was agreed, what is not delivered, what was tried. Never names or case text. */
async function briefingFor(tx: Tx, s: StagnationRow) {
  const tried = await tx
    .select({ type: stagnationOutreach.type, at: stagnationOutreach.recordedAt })
    .from(stagnationOutreach)
    .where(eq(stagnationOutreach.stagnationId, s.id))
    .orderBy(asc(stagnationOutreach.recordedAt));
  const steps = await tx
    .select({
      levelKey: escalationSteps.levelKey,
      at: escalationSteps.startedAt,
      ack: escalationSteps.acknowledgedAt,
    })
    .from(escalationSteps)
    .where(eq(escalationSteps.stagnationId, s.id))
    .orderBy(asc(escalationSteps.level));
  return {
    kind: s.kind,
    since: s.since.toISOString(),
    agreed: AGREED[s.kind] ?? '',
    notDelivered: `${NOT_DELIVERED[s.kind] ?? ''} Sinds ${nlDate(s.since)}.`,
    tried: [
      ...tried.map((t) => `${nlDate(t.at)}: ${OUTREACH_LABEL[t.type] ?? t.type}`),
      ...steps.map(
        (st) =>
          `${nlDate(st.at)}: ${LEVEL_LABEL[st.levelKey as EscalationLevel]} aangesproken${st.ack ? ' (bevestigd)' : ''}`,
      ),
    ],
  };
}

/**
 * Starts an escalation step: records it (at most once per level: a unique index), ends the previous step, moves the
 * stagnation, notifies the person at that level with a briefing and a request to acknowledge, and tells the
 * coordinator. Returns false when another process already started this level.
 */
export async function startStep(
  ctx: StepContext,
  s: StagnationRow,
  level: number,
  startedAt: Date,
  ladder: readonly LadderStep[],
  trigger: 'opened' | 'auto' | 'manual',
  triggeredBy: string | null,
): Promise<boolean> {
  const step = ladder[level];
  if (!step) return false;
  const [h] = await ctx.tx
    .select({ coordinatorId: households.coordinatorId })
    .from(households)
    .where(eq(households.id, s.householdId));
  const coordinatorId = h?.coordinatorId ?? null;
  const target = await targetFor(ctx.tx, step.level, s, coordinatorId);
  const deadline = deadlineOf({ step: level, startedAt }, ladder);
  const [row] = await ctx.tx
    .insert(escalationSteps)
    .values({
      stagnationId: s.id,
      householdId: s.householdId,
      regionId: s.regionId,
      level,
      levelKey: step.level,
      organisationId: target.organisationId,
      notifiedUserId: target.userIds[0] ?? null,
      notifiedName: target.name,
      notifiedEmail: target.email,
      trigger,
      triggeredBy,
      briefing: await briefingFor(ctx.tx, s),
      startedAt,
      deadline,
    })
    .onConflictDoNothing()
    .returning({ id: escalationSteps.id });
  if (!row) return false;
  await ctx.tx
    .update(escalationSteps)
    .set({ endedAt: startedAt })
    .where(
      and(
        eq(escalationSteps.stagnationId, s.id),
        isNull(escalationSteps.endedAt),
        sql`${escalationSteps.level} < ${level}`,
      ),
    );
  await ctx.tx
    .update(stagnations)
    .set({
      level,
      stepStartedAt: startedAt,
      stepDeadline: deadline,
      version: sql`${stagnations.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(eq(stagnations.id, s.id));
  const params = { kind: s.kind, level: step.level };
  // The person at this level: a briefing page of their own, with the request to acknowledge.
  // Not the coordinator (told below) nor whoever triggered this step (e.g. the partner who reported it).
  const others = target.userIds.filter((u) => u !== coordinatorId && u !== triggeredBy);
  await notify(ctx, {
    recipients: others,
    kind: 'stagnation.alert',
    link: `/escalations/${row.id}`,
    params,
    householdId: null,
  });
  if (target.userIds.length === 0 && target.email) {
    await enqueueMail(
      ctx.tx,
      target.email,
      professionalMail('stagnation.alert', absoluteLink(mailSettings(), `/escalations/${row.id}`)),
      ctx.now,
    );
  }
  if (coordinatorId)
    await notify(ctx, {
      recipients: [coordinatorId],
      kind: 'stagnation.alert',
      link: `/stagnations/${s.id}`,
      params,
      householdId: s.householdId,
    });
  ctx.audit({
    objectType: 'escalation_step',
    objectId: row.id,
    householdId: s.householdId,
    memberId: s.memberId,
    action: 'create',
    basis: '',
  });
  return true;
}
