import { and, asc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import { addDays } from '../../../domain/calendar/holidays.js';
import { localDate } from '../../../domain/calendar/working-days.js';
import {
  AUTOMATIC_KINDS,
  type StagnationCause,
  TIME_BASED_KINDS,
  causeKey,
} from '../../../domain/stagnation/causes.js';
import {
  type ActionFact,
  type ContactFact,
  type Detection,
  type HouseholdFacts,
  type ReferralFact,
  detect,
} from '../../../domain/stagnation/detect.js';
import { climb, deadlineOf } from '../../../domain/stagnation/ladder.js';
import { type KnownStagnation, reconcile } from '../../../domain/stagnation/reconcile.js';
import type { LadderStep, StagnationSettings } from '../../../domain/stagnation/settings.js';
import type { Db, Tx } from '../../db/connect.js';
import { regions, users } from '../../db/schema/core.js';
import { escalationSteps, stagnationSweeps, stagnations } from '../../db/schema/stagnation.js';
import { loadSettings } from './settings.js';
import { type StagnationRow, startStep } from './escalation.js';
import { type SystemScope, rowsOf, runAsSweep } from './system.js';

export interface SweepResult {
  households: number;
  opened: number;
  resolved: number;
  escalated: number;
}

export type Selection = { mode: 'region' } | { mode: 'households'; ids: string[] };

const DAY = 86_400_000;
const idList = (ids: readonly string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`;
const ms = (col: ReturnType<typeof sql>) => sql`(extract(epoch from ${col}) * 1000)::float8`;
const asDate = (v: number | string | null) => (v === null ? null : new Date(Number(v)));

/** Why an automatic stagnation closed by itself, in the words shown to the coordinator. */
const AUTO_REASON: Record<string, string> = {
  no_shows: 'attended_again',
  no_contact: 'contact_again',
  action_overdue: 'action_done',
  referral_unanswered: 'referral_answered',
  waitlist_overdue: 'care_started',
  evaluation_overdue: 'evaluation_recorded',
  no_agreed_plan: 'plan_agreed',
};

interface Extra {
  coordinatorId: string | null;
  /** no_shows: the professional of the latest missed appointment, per member+organisation. */
  noShowProfessional: Map<string, string>;
  referral: Map<string, { receiverId: string | null; organisationId: string }>;
}

/** The fact queries of a pass (exported so the benchmark can time the sweep's own SQL on its own). */
export function factQueries(regionId: string, sel: Selection, s: StagnationSettings, now: Date) {
  const nowIso = now.toISOString();
  const region = sel.mode === 'region';
  const inSel = (col: ReturnType<typeof sql>) =>
    region
      ? sql`${col} in (select id from households where region_id = ${regionId}::uuid)`
      : sql`${col} = any(${idList(sel.ids)})`;
  const noContactCut = new Date(now.getTime() - s.noContactDays * DAY + DAY).toISOString();
  const agreedCut = new Date(now.getTime() - s.agreedPlanDays * DAY + DAY).toISOString();
  const dueCut = addDays(localDate(now), 1 - s.actionOverdueDays);
  const evalCut = addDays(localDate(now), 1 - s.evaluationOverdueDays);
  return {
    // The household, its plan, its coordinator's assignment and its latest attended appointment. For the whole
    // region, cheap filters first: only households with an active plan and no attendance within the window, or with
    // a coordinator and no agreed plan, get the per-household look-ups.
    base: sql`with hh as (
        select h.id, h.coordinator_id, h.created_at, p.agreed_version, p.closed_at, p.updated_at as plan_updated
        from households h left join plans p on p.household_id = h.id
        where ${region ? sql`h.region_id = ${regionId}::uuid` : sql`h.id = any(${idList(sel.ids)})`}
      ), cand as (${
        region
          ? sql`select * from hh where agreed_version is not null and closed_at is null
                and not exists (select 1 from contacts c where c.household_id = hh.id and c.status = 'attended'
                  and c.planned_at > ${noContactCut}::timestamptz and c.planned_at <= ${nowIso}::timestamptz)
              union all
              select * from hh where coordinator_id is not null and agreed_version is null`
          : sql`select * from hh`
      }), facts as (
        select c.id, c.coordinator_id as "coordinatorId", c.agreed_version is not null as agreed,
          case when c.agreed_version is not null and c.closed_at is null then ${ms(sql`coalesce(
            (select min(v.agreed_at) from plan_versions v where v.household_id = c.id and v.agreed_at is not null), c.plan_updated)`)} end as "activeSince",
          case when c.coordinator_id is not null then ${ms(sql`coalesce(
            (select max(ca.from_at) from coordinator_assignments ca
              where ca.household_id = c.id and ca.coordinator_id = c.coordinator_id and ca.to_at is null),
            (select a.created_at from household_access a where a.household_id = c.id and a.user_id = c.coordinator_id),
            c.created_at)`)} end as "assignedAt",
          ${ms(sql`(select x.planned_at from contacts x where x.household_id = c.id and x.status = 'attended'
            and x.planned_at <= ${nowIso}::timestamptz order by x.planned_at desc limit 1)`)} as "lastAttended"
        from cand c
      )
      select * from facts ${
        region
          ? sql`where ("activeSince" is not null and "activeSince" <= ${ms(sql`${noContactCut}::timestamptz`)})
             or ("coordinatorId" is not null and not agreed and "assignedAt" <= ${ms(sql`${agreedCut}::timestamptz`)})`
          : sql``
      }`,
    // Appointments: only for a set of households (the no-show rule is evaluated when contacts change).
    contacts: region
      ? null
      : sql`select c.household_id as hid, c.member_id as "memberId", c.organisation_id as "organisationId",
            c.professional_id as "professionalId", ${ms(sql`c.planned_at`)} as at, c.status
          from contacts c where ${inSel(sql`c.household_id`)} and c.status in ('attended', 'no_show')
            and c.planned_at <= ${nowIso}::timestamptz
          order by c.planned_at`,
    actions: sql`select pa.household_id as hid, pa.id, pa.assignee_kind || ':' || pa.assignee_id as assignee,
          pa.due_date::text as "dueDate", pa.status
        from plan_actions pa where ${inSel(sql`pa.household_id`)}
        ${region ? sql`and pa.status not in ('done', 'cancelled') and pa.due_date <= ${dueCut}::date` : sql``}`,
    referrals: sql`select r.household_id as hid, r.id, r.status, ${ms(sql`r.sent_at`)} as "sentAt",
          case when r.status = 'waitlisted' then ${ms(sql`coalesce((select max(rs.at) from referral_steps rs
            where rs.referral_id = r.id and rs.to_status = 'waitlisted'), r.updated_at)`)} end as "waitlistedAt",
          r.expected_start::text as "expectedStart", r.receiver_id as "receiverId", r.receiving_organisation_id as "organisationId"
        from referrals r where ${inSel(sql`r.household_id`)}
        ${region ? sql`and r.status in ('sent', 'received', 'waitlisted')` : sql``}`,
    evaluations: sql`select e.household_id as hid, e.id, e.planned_on::text as "plannedOn", e.status
        from evaluations e where ${inSel(sql`e.household_id`)}
        ${region ? sql`and e.status = 'planned' and e.planned_on <= ${evalCut}::date` : sql``}`,
  };
}

/**
 * Reads the facts the detector needs, set-based (a handful of queries for the whole region or a set of households,
 * never one per household). For the whole region only candidates are read: rows that can satisfy a time-based rule
 * at `now` (the SQL filters are looser than the rules; the domain core decides).
 */
async function loadFacts(
  tx: Tx,
  regionId: string,
  sel: Selection,
  s: StagnationSettings,
  now: Date,
): Promise<{ facts: Map<string, HouseholdFacts>; extra: Map<string, Extra> }> {
  const region = sel.mode === 'region';
  const q = factQueries(regionId, sel, s, now);
  const facts = new Map<string, HouseholdFacts>();
  const extra = new Map<string, Extra>();
  const get = (hid: string) => {
    let f = facts.get(hid);
    if (!f) {
      f = {
        householdId: hid,
        planActiveSince: null,
        planAgreed: true,
        coordinatorAssignedAt: null,
        contacts: [],
        actions: [],
        referrals: [],
        evaluations: [],
      };
      facts.set(hid, f);
      extra.set(hid, { coordinatorId: null, noShowProfessional: new Map(), referral: new Map() });
    }
    return f;
  };

  const base = await rowsOf<{
    id: string;
    coordinatorId: string | null;
    agreed: boolean;
    activeSince: number | null;
    assignedAt: number | null;
    lastAttended: number | null;
  }>(tx, q.base);
  for (const b of base) {
    const f = get(b.id);
    f.planAgreed = b.agreed;
    f.planActiveSince = asDate(b.activeSince);
    f.coordinatorAssignedAt = b.coordinatorId ? asDate(b.assignedAt) : null;
    extra.get(b.id)!.coordinatorId = b.coordinatorId;
    if (region && b.lastAttended !== null)
      f.contacts.push({
        memberId: '',
        organisationId: '',
        at: new Date(b.lastAttended),
        outcome: 'attended',
      });
  }

  if (q.contacts) {
    const contacts = await rowsOf<{
      hid: string;
      memberId: string | null;
      organisationId: string;
      professionalId: string;
      at: number;
      status: ContactFact['outcome'];
    }>(tx, q.contacts);
    for (const c of contacts) {
      get(c.hid).contacts.push({
        memberId: c.memberId ?? '',
        organisationId: c.organisationId,
        at: new Date(c.at),
        outcome: c.status,
      });
      if (c.status === 'no_show')
        extra.get(c.hid)!.noShowProfessional.set(`${c.memberId ?? ''}:${c.organisationId}`, c.professionalId);
    }
  }

  const actions = await rowsOf<{
    hid: string;
    id: string;
    assignee: string;
    dueDate: string;
    status: ActionFact['status'];
  }>(tx, q.actions);
  for (const a of actions)
    get(a.hid).actions.push({ id: a.id, assignee: a.assignee, dueDate: a.dueDate, status: a.status });

  const referralRows = await rowsOf<{
    hid: string;
    id: string;
    status: ReferralFact['status'];
    sentAt: number | null;
    waitlistedAt: number | null;
    expectedStart: string | null;
    receiverId: string | null;
    organisationId: string;
  }>(tx, q.referrals);
  for (const r of referralRows) {
    get(r.hid).referrals.push({
      id: r.id,
      status: r.status,
      sentAt: asDate(r.sentAt),
      waitlistedAt: asDate(r.waitlistedAt),
      expectedStart: r.expectedStart,
    });
    extra.get(r.hid)!.referral.set(r.id, { receiverId: r.receiverId, organisationId: r.organisationId });
  }

  const evals = await rowsOf<{ hid: string; id: string; plannedOn: string; status: string }>(
    tx,
    q.evaluations,
  );
  for (const e of evals)
    get(e.hid).evaluations.push({ id: e.id, plannedDate: e.plannedOn, recorded: e.status !== 'planned' });

  // Households only seen through their facts still need their coordinator (for the people to notify).
  const seen = new Set(base.map((b) => b.id));
  const missing = [...facts.keys()].filter((hid) => !seen.has(hid));
  if (missing.length > 0) {
    const rows = await rowsOf<{ id: string; coordinatorId: string | null }>(
      tx,
      sql`select id, coordinator_id as "coordinatorId" from households where id = any(${idList(missing)})`,
    );
    for (const r of rows) extra.get(r.id)!.coordinatorId = r.coordinatorId;
  }
  return { facts, extra };
}

/** The organisation, member and level-1 person a new stagnation is about. */
async function refsFor(tx: Tx, d: Detection, x: Extra) {
  const c: StagnationCause = d.cause;
  const coordinator = x.coordinatorId;
  const orgOf = async (userId: string | null) => {
    if (!userId) return null;
    const [u] = await tx.select({ org: users.organisationId }).from(users).where(eq(users.id, userId));
    return u?.org ?? null;
  };
  switch (c.kind) {
    case 'no_shows':
      return {
        memberId: c.memberId || null,
        organisationId: c.organisationId,
        partnerUserId: x.noShowProfessional.get(`${c.memberId}:${c.organisationId}`) ?? null,
      };
    case 'action_overdue': {
      const [kind, id] = c.assignee.split(':') as [string, string];
      if (kind === 'professional')
        return { memberId: null, organisationId: await orgOf(id), partnerUserId: id, assignee: c.assignee };
      if (kind === 'organisation') {
        const rows = await rowsOf<{ userId: string }>(
          tx,
          sql`select user_id as "userId" from involvements where household_id = ${c.householdId}::uuid
                and organisation_id = ${id}::uuid and ended_at is null order by started_at limit 1`,
        );
        return {
          memberId: null,
          organisationId: id,
          partnerUserId: rows[0]?.userId ?? null,
          assignee: c.assignee,
        };
      }
      return {
        memberId: kind === 'member' ? id : null,
        organisationId: await orgOf(coordinator),
        partnerUserId: coordinator,
        assignee: c.assignee,
      };
    }
    case 'referral_unanswered':
    case 'waitlist_overdue': {
      const r = x.referral.get(c.referralId);
      return {
        memberId: null,
        organisationId: r?.organisationId ?? null,
        partnerUserId: r?.receiverId ?? null,
        referralId: c.referralId,
      };
    }
    case 'evaluation_overdue':
      return {
        memberId: null,
        organisationId: await orgOf(coordinator),
        partnerUserId: coordinator,
        evaluationId: c.evaluationId,
      };
    default:
      return { memberId: null, organisationId: await orgOf(coordinator), partnerUserId: coordinator };
  }
}

/**
 * Opens a stagnation unless one is unresolved for the same cause: INSERT … ON CONFLICT DO NOTHING on the unique
 * partial index, so concurrent sweeps (several processes) never create two. Starts step 1 of the ladder.
 */
export async function openStagnation(
  ctx: SystemScope,
  regionId: string,
  d: Detection,
  refs: Partial<typeof stagnations.$inferInsert>,
  ladder: readonly LadderStep[],
  triggeredBy: string | null = null,
): Promise<StagnationRow | null> {
  const [row] = await ctx.tx
    .insert(stagnations)
    .values({
      regionId,
      householdId: d.cause.householdId,
      causeKey: causeKey(d.cause),
      kind: d.cause.kind,
      since: d.since,
      evidenceAt: d.evidenceAt,
      detectedAt: ctx.now,
      stepStartedAt: ctx.now,
      stepDeadline: deadlineOf({ step: 0, startedAt: ctx.now }, ladder),
      updatedAt: ctx.now,
      ...refs,
    })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  ctx.audit({
    objectType: 'stagnation',
    objectId: row.id,
    householdId: row.householdId,
    memberId: row.memberId,
    action: 'create',
    basis: '',
  });
  await startStep(ctx, row, 0, ctx.now, ladder, 'opened', triggeredBy);
  return row;
}

async function resolveAutomatically(ctx: SystemScope, keys: string[]): Promise<number> {
  if (keys.length === 0) return 0;
  const closed = await ctx.tx
    .update(stagnations)
    .set({
      status: 'resolved',
      resolvedAt: ctx.now,
      autoResolvedReason: sql`case ${stagnations.kind} ${sql.join(
        Object.entries(AUTO_REASON).map(([k, v]) => sql`when ${k} then ${v}`),
        sql` `,
      )} else 'condition_gone' end`,
      stepDeadline: null,
      version: sql`${stagnations.version} + 1`,
      updatedAt: ctx.now,
    })
    .where(and(inArray(stagnations.causeKey, keys), ne(stagnations.status, 'resolved')))
    .returning({ id: stagnations.id, householdId: stagnations.householdId, memberId: stagnations.memberId });
  if (closed.length > 0) {
    await ctx.tx
      .update(escalationSteps)
      .set({ endedAt: ctx.now })
      .where(
        and(
          inArray(
            escalationSteps.stagnationId,
            closed.map((c) => c.id),
          ),
          sql`${escalationSteps.endedAt} is null`,
        ),
      );
  }
  for (const c of closed)
    ctx.audit({
      objectType: 'stagnation',
      objectId: c.id,
      householdId: c.householdId,
      memberId: c.memberId,
      action: 'update',
      basis: '',
    });
  return closed.length;
}

/** Detects and reconciles for the whole region (time-based rules) or for a set of households (all rules). */
async function reconcileSelection(
  ctx: SystemScope,
  sel: Selection,
  s: StagnationSettings,
  ladder: readonly LadderStep[],
) {
  const { facts, extra } = await loadFacts(ctx.tx, ctx.regionId, sel, s, ctx.now);
  const evaluated = sel.mode === 'region' ? TIME_BASED_KINDS : AUTOMATIC_KINDS;
  const detections = new Map<string, Detection[]>();
  for (const f of facts.values()) {
    const found = detect(f, s, ctx.now).filter((d) => evaluated.includes(d.cause.kind));
    if (found.length > 0) detections.set(f.householdId, found);
  }
  // Known stagnations: the open ones of the selection, and resolved ones only for the causes detected now.
  const detectedKeys = [...detections.values()].flat().map((d) => causeKey(d.cause));
  const known = await rowsOf<{ hid: string; key: string; kind: string; status: string; evidenceAt: number }>(
    ctx.tx,
    sql`select household_id as hid, cause_key as key, kind, status, ${ms(sql`evidence_at`)} as "evidenceAt"
        from stagnations
        where ${sel.mode === 'region' ? sql`region_id = ${ctx.regionId}::uuid` : sql`household_id = any(${idList(sel.ids)})`}
          and (status <> 'resolved' or cause_key = any(string_to_array(${detectedKeys.join(',')}, ',')))`,
  );
  const knownBy = new Map<string, KnownStagnation[]>();
  for (const k of known) {
    const list = knownBy.get(k.hid) ?? [];
    list.push({
      key: k.key,
      kind: k.kind,
      status: k.status === 'resolved' ? 'resolved' : 'open',
      evidenceAt: new Date(Number(k.evidenceAt)),
    });
    knownBy.set(k.hid, list);
  }
  let opened = 0;
  const toResolve: string[] = [];
  // A fixed order (by household id) so concurrent sweeps take row locks in the same order: no deadlocks.
  for (const hid of [...new Set([...detections.keys(), ...knownBy.keys()])].sort()) {
    const r = reconcile(knownBy.get(hid) ?? [], detections.get(hid) ?? [], evaluated);
    toResolve.push(...r.autoResolve);
    const x = extra.get(hid) ?? { coordinatorId: null, noShowProfessional: new Map(), referral: new Map() };
    for (const d of r.open) {
      if (await openStagnation(ctx, ctx.regionId, d, await refsFor(ctx.tx, d, x), ladder)) opened++;
    }
  }
  const resolved = await resolveAutomatically(ctx, toResolve);
  return { households: facts.size, opened, resolved };
}

/** Moves every unresolved stagnation whose step deadline passed up the ladder (each level notified). */
async function climbDue(ctx: SystemScope, ladder: readonly LadderStep[]): Promise<number> {
  const due = await ctx.tx
    .select()
    .from(stagnations)
    .where(
      and(
        eq(stagnations.regionId, ctx.regionId),
        ne(stagnations.status, 'resolved'),
        lt(stagnations.stepDeadline, ctx.now),
      ),
    )
    .orderBy(asc(stagnations.stepDeadline))
    .limit(500)
    .for('update', { skipLocked: true });
  let escalated = 0;
  for (const s of due) {
    for (const pos of climb({ step: s.level, startedAt: s.stepStartedAt }, ladder, ctx.now)) {
      if (await startStep(ctx, s, pos.step, pos.startedAt, ladder, 'auto', null)) {
        escalated++;
        ctx.audit({
          objectType: 'stagnation',
          objectId: s.id,
          householdId: s.householdId,
          memberId: s.memberId,
          action: 'update',
          basis: '',
        });
      }
    }
  }
  return escalated;
}

async function bookkeeping(
  ctx: SystemScope,
  name: string,
  r: SweepResult,
  started: number,
  watermark?: Date,
) {
  const values = {
    lastStartedAt: new Date(started),
    lastFinishedAt: new Date(),
    lastDurationMs: Date.now() - started,
    households: r.households,
    opened: r.opened,
    resolved: r.resolved,
    escalated: r.escalated,
    ...(watermark ? { watermark } : {}),
  };
  await ctx.tx
    .insert(stagnationSweeps)
    .values({ name, regionId: ctx.regionId, runs: 1, ...values })
    .onConflictDoUpdate({
      target: stagnationSweeps.name,
      set: { ...values, runs: sql`${stagnationSweeps.runs} + 1` },
    });
}

async function tryLock(tx: Tx, name: string): Promise<boolean> {
  const [r] = await rowsOf<{ ok: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(hashtextextended(${name}, 0)) as ok`,
  );
  return r?.ok === true;
}

/**
 * The periodic sweep of one region: time-based rules for every household (set-based), plus auto-escalation along
 * the ladder. One process at a time per region (advisory lock; others skip), and idempotent besides.
 */
export async function sweepRegion(
  db: Db,
  regionId: string,
  now = new Date(),
  /** `lock: false` only for tests that prove the unique index alone prevents duplicates. */
  opts: { lock?: boolean } = {},
): Promise<SweepResult | null> {
  const started = Date.now();
  return runAsSweep(db, regionId, now, 'stagnation-sweep', async (ctx) => {
    if (opts.lock !== false && !(await tryLock(ctx.tx, `schakel.stagnation.full.${regionId}`))) return null;
    const { settings, ladder } = await loadSettings(ctx.tx, regionId);
    const r = await reconcileSelection(ctx, { mode: 'region' }, settings, ladder);
    const result = { ...r, escalated: await climbDue(ctx, ladder) };
    ctx.audit({ objectType: 'stagnation_sweep', action: 'read', basis: '' });
    await bookkeeping(ctx, `full:${regionId}`, result, started);
    return result;
  });
}

/** Re-read window of the fast path: a write stamped just before the watermark may commit just after it. */
const LAG_MS = 10_000;

/**
 * The fast path: every household whose contacts, actions, referrals, evaluations or plan changed since the
 * watermark is evaluated on all rules, so a second no-show or a done action shows within seconds.
 */
export async function sweepChanged(
  db: Db,
  regionId: string,
  now = new Date(),
  opts: { lock?: boolean } = {},
): Promise<SweepResult | null> {
  const started = Date.now();
  return runAsSweep(db, regionId, now, 'stagnation-fast', async (ctx) => {
    if (opts.lock !== false && !(await tryLock(ctx.tx, `schakel.stagnation.fast.${regionId}`))) return null;
    const [mark] = await ctx.tx
      .select()
      .from(stagnationSweeps)
      .where(eq(stagnationSweeps.name, `fast:${regionId}`));
    const from = new Date(
      (mark?.watermark ?? new Date(now.getTime() - LAG_MS)).getTime() - LAG_MS,
    ).toISOString();
    const changed = await rowsOf<{ hid: string }>(
      ctx.tx,
      sql`select distinct x.hid from (
            select household_id as hid from contacts where updated_at > ${from}::timestamptz
            union select household_id from plan_actions where updated_at > ${from}::timestamptz
            union select household_id from referrals where updated_at > ${from}::timestamptz
            union select household_id from evaluations where updated_at > ${from}::timestamptz
            union select household_id from plans where updated_at > ${from}::timestamptz
          ) x join households h on h.id = x.hid and h.region_id = ${regionId}::uuid`,
    );
    let result: SweepResult = { households: 0, opened: 0, resolved: 0, escalated: 0 };
    if (changed.length > 0) {
      const { settings, ladder } = await loadSettings(ctx.tx, regionId);
      const r = await reconcileSelection(
        ctx,
        { mode: 'households', ids: changed.map((c) => c.hid) },
        settings,
        ladder,
      );
      result = { ...r, escalated: 0 };
      if (r.opened + r.resolved > 0) ctx.audit({ objectType: 'stagnation_sweep', action: 'read', basis: '' });
    }
    await bookkeeping(ctx, `fast:${regionId}`, result, started, now);
    return result;
  });
}

export async function regionIds(db: Db): Promise<string[]> {
  return (await db.select({ id: regions.id }).from(regions)).map((r) => r.id);
}
