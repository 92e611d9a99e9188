import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type {
  AccessLogGroup,
  AccessLogQuery,
  Employee,
  EmployeeAccessLog,
  EmployeeAccessQuery,
} from '../../../contracts/access-log.js';
import { localDate } from '../../../domain/calendar/working-days.js';
import { type AccessSlice, accessPeriod, basisKind, groupAccess } from '../../../domain/privacy/emergency.js';
import { invalid, notFound } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import { byName } from '../../db/order.js';
import type { Scope } from '../../db/scope.js';
import { auditEvents, households, organisations, users } from '../../db/schema/index.js';

const CHANGE_ACTIONS = sql.raw(`('create', 'update', 'remove', 'restore')`);
const changes = sql<number>`(count(*) filter (where ${auditEvents.action} in ${CHANGE_ACTIONS}))::int`;
const reads = sql<number>`(count(*) filter (where ${auditEvents.action} not in ${CHANGE_ACTIONS}))::int`;
const firstAt = sql<Date>`min(${auditEvents.at})`.mapWith(auditEvents.at);
const lastAt = sql<Date>`max(${auditEvents.at})`.mapWith(auditEvents.at);
/**
 * For the household, starting, ending or reviewing an emergency access changes none of its data: those rows count
 * as access (reads), not as changes.
 */
const ABOUT_ACCESS = sql.raw(`('emergency_access', 'emergency_access_review')`);
const dataChanges = sql<number>`(count(*) filter (where ${auditEvents.action} in ${CHANGE_ACTIONS} and ${auditEvents.objectType} not in ${ABOUT_ACCESS}))::int`;
const dataReads = sql<number>`(count(*) filter (where ${auditEvents.action} not in ${CHANGE_ACTIONS} or ${auditEvents.objectType} in ${ABOUT_ACCESS}))::int`;
const day = sql<string>`to_char(${auditEvents.at} at time zone 'Europe/Amsterdam', 'YYYY-MM-DD')`;
const hasConsent = sql<boolean>`(${auditEvents.consent} is not null)`;

/** The period from the query (validated: from ≤ to, at most 366 days; default the last 30 days). */
function period(scope: Scope, q: { from?: string | undefined; to?: string | undefined }) {
  const p = accessPeriod(q, localDate(scope.now));
  if (!p.ok) throw invalid([{ path: p.path, message: p.message }]);
  return p;
}

/** Audit rows from the start of `from` to the end of `to`, in Dutch local time. */
function inPeriod(p: { from: string; to: string }) {
  return and(
    sql`${auditEvents.at} >= (${p.from}::date::timestamp at time zone 'Europe/Amsterdam')`,
    sql`${auditEvents.at} < ((${p.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam')`,
  );
}

async function namesOf(scope: Scope, table: typeof users | typeof organisations, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await scope.tx
    .select({ id: table.id, name: table.name })
    .from(table)
    .where(inArray(table.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The household's access overview (NEN 7513 client view): per day, organisation, role, data category, basis and
 * emergency flag, how often data was read and changed, first and last time. For the coordinator (to go through with
 * the household) organisations and roles only; the privacy officer also sees the people.
 *
 * Viewing the overview is itself access and is recorded (object `access_log`); it shows in the next overview,
 * not in the one being returned (the audit row is written when this request commits).
 */
export async function householdAccessLog(
  scope: Scope,
  householdId: string,
  q: AccessLogQuery,
): Promise<{ from: string; to: string; items: AccessLogGroup[] }> {
  const grant = await requireAccess(scope, 'access_log.read', { householdId, objectType: 'access_log' });
  const p = period(scope, q);
  const showPeople = grant.relation === 'auditor';
  const rows = await scope.tx
    .select({
      day,
      organisationId: auditEvents.organisationId,
      role: auditEvents.role,
      objectType: auditEvents.objectType,
      basis: auditEvents.basis,
      consent: hasConsent,
      emergency: auditEvents.emergency,
      userId: auditEvents.userId,
      reads: dataReads,
      changes: dataChanges,
      firstAt,
      lastAt,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.regionId, grant.regionId),
        eq(auditEvents.householdId, householdId),
        eq(auditEvents.outcome, 'success'),
        inPeriod(p),
      ),
    )
    .groupBy(
      day,
      auditEvents.organisationId,
      auditEvents.role,
      auditEvents.objectType,
      auditEvents.basis,
      hasConsent,
      auditEvents.emergency,
      auditEvents.userId,
    );
  const groups = groupAccess(rows satisfies AccessSlice[]);
  const orgNames = await namesOf(
    scope,
    organisations,
    groups.flatMap((g) => (g.organisationId ? [g.organisationId] : [])),
  );
  const people = showPeople
    ? await namesOf(
        scope,
        users,
        groups.flatMap((g) => g.userIds),
      )
    : new Map<string, string>();
  scope.audit({
    objectType: 'access_log',
    householdId,
    action: 'read',
    basis: grant.basis,
    role: grant.role,
  });
  return {
    from: p.from,
    to: p.to,
    items: groups.map((g) => ({
      day: g.day,
      organisation: g.organisationId
        ? { id: g.organisationId, name: orgNames.get(g.organisationId) ?? '' }
        : null,
      role: g.role,
      category: g.category,
      basis: g.basis,
      grounds: g.grounds,
      emergency: g.emergency,
      reads: g.reads,
      changes: g.changes,
      firstAt: g.firstAt.toISOString(),
      lastAt: g.lastAt.toISOString(),
      ...(showPeople ? { people: g.userIds.map((id) => ({ id, name: people.get(id) ?? '' })) } : {}),
    })),
  };
}

/**
 * Per employee, for the privacy officer: every household they accessed in the period, per role, basis, consent
 * relied on and emergency flag, with counts and first/last time.
 */
export async function employeeAccessLog(scope: Scope, q: EmployeeAccessQuery): Promise<EmployeeAccessLog> {
  requireAccess(scope, 'emergency.review');
  await scope.setPurpose('audit');
  const p = period(scope, q);
  const [user] = await scope.tx
    .select({ id: users.id, name: users.name, orgId: organisations.id, orgName: organisations.name })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(eq(users.id, q.userId), eq(users.regionId, scope.actor.regionId)));
  if (!user) throw notFound('employee');
  const rows = await scope.tx
    .select({
      householdId: auditEvents.householdId,
      householdName: households.name,
      role: auditEvents.role,
      basis: auditEvents.basis,
      consent: auditEvents.consent,
      emergency: auditEvents.emergency,
      reads,
      changes,
      firstAt,
      lastAt,
    })
    .from(auditEvents)
    .leftJoin(households, eq(households.id, auditEvents.householdId))
    .where(
      and(
        eq(auditEvents.regionId, scope.actor.regionId),
        eq(auditEvents.userId, user.id),
        isNotNull(auditEvents.householdId),
        eq(auditEvents.outcome, 'success'),
        inPeriod(p),
      ),
    )
    .groupBy(
      auditEvents.householdId,
      households.name,
      auditEvents.role,
      auditEvents.basis,
      auditEvents.consent,
      auditEvents.emergency,
    )
    .orderBy(desc(sql`max(${auditEvents.at})`));
  scope.audit({
    objectType: 'employee_access_log',
    objectId: user.id,
    action: 'read',
    basis: 'privacy_audit',
    role: 'privacy_officer',
  });
  return {
    user: { id: user.id, name: user.name, organisation: { id: user.orgId, name: user.orgName } },
    from: p.from,
    to: p.to,
    items: rows.map((r) => ({
      household: { id: r.householdId!, name: r.householdName },
      role: r.role,
      basis: basisKind(r.basis, r.consent !== null, r.emergency).kind,
      basisRecorded: r.basis,
      consent: r.consent,
      emergency: r.emergency,
      reads: r.reads,
      changes: r.changes,
      firstAt: r.firstAt.toISOString(),
      lastAt: r.lastAt.toISOString(),
    })),
  };
}

/** The employees of the region, for the privacy officer to pick from. */
export async function listEmployees(scope: Scope): Promise<Employee[]> {
  requireAccess(scope, 'emergency.review');
  const rows = await scope.tx
    .select({
      id: users.id,
      name: users.name,
      roles: users.roles,
      active: users.active,
      orgId: organisations.id,
      orgName: organisations.name,
    })
    .from(users)
    .innerJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.regionId, scope.actor.regionId))
    .orderBy(byName(users.name), asc(users.id));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    organisation: { id: r.orgId, name: r.orgName },
    roles: r.roles,
    active: r.active,
  }));
}
