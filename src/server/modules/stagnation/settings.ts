import { eq } from 'drizzle-orm';
import type { StagnationSettingsBody, StagnationSettingsView } from '../../../contracts/stagnation.js';
import {
  DEFAULT_LADDER,
  DEFAULT_STAGNATION_SETTINGS,
  type LadderStep,
  type StagnationSettings,
  checkSettings,
} from '../../../domain/stagnation/settings.js';
import { DomainError, invalid } from '../../../domain/shared/errors.js';
import { requireAccess } from '../../access/require-access.js';
import type { Tx } from '../../db/connect.js';
import { stagnationSettings } from '../../db/schema/stagnation.js';
import type { Scope } from '../../db/scope.js';
import { assertVersion } from '../../http/etag.js';

export interface RegionSettings {
  settings: StagnationSettings;
  ladder: LadderStep[];
  version: number;
}

/** A region's thresholds and ladder; the issue's defaults until the region changes one. */
export async function loadSettings(tx: Tx, regionId: string): Promise<RegionSettings> {
  const [row] = await tx.select().from(stagnationSettings).where(eq(stagnationSettings.regionId, regionId));
  if (!row) return { settings: { ...DEFAULT_STAGNATION_SETTINGS }, ladder: [...DEFAULT_LADDER], version: 0 };
  return {
    settings: {
      consecutiveNoShows: row.consecutiveNoShows,
      noContactDays: row.noContactDays,
      actionOverdueDays: row.actionOverdueDays,
      referralAnswerWorkingDays: row.referralAnswerWorkingDays,
      waitlistMaxWeeks: row.waitlistMaxWeeks,
      evaluationOverdueDays: row.evaluationOverdueDays,
      agreedPlanDays: row.agreedPlanDays,
    },
    ladder: row.ladder as LadderStep[],
    version: row.version,
  };
}

const view = (r: RegionSettings): StagnationSettingsView => ({
  ...r.settings,
  ladder: r.ladder,
  version: r.version,
});

export async function getSettings(scope: Scope): Promise<StagnationSettingsView> {
  requireAccess(scope, 'stagnation.settings');
  return view(await loadSettings(scope.tx, scope.actor.regionId));
}

/** Changes the region's settings (process manager or administrator); audited (who, when; the new values are the row itself). */
export async function updateSettings(
  scope: Scope,
  expectedVersion: number,
  input: StagnationSettingsBody,
): Promise<StagnationSettingsView> {
  requireAccess(scope, 'stagnation.settings');
  const { ladder, ...settings } = input;
  const issues = checkSettings(settings, ladder);
  if (issues.length > 0) throw invalid(issues);
  const current = await loadSettings(scope.tx, scope.actor.regionId);
  assertVersion(expectedVersion, current.version, view(current));
  const values = {
    ...settings,
    ladder,
    version: current.version + 1,
    updatedBy: scope.actor.userId,
    updatedAt: scope.now,
  };
  const rows =
    current.version === 0
      ? await scope.tx
          .insert(stagnationSettings)
          .values({ regionId: scope.actor.regionId, ...values })
          .onConflictDoNothing()
          .returning()
      : await scope.tx
          .update(stagnationSettings)
          .set(values)
          .where(eq(stagnationSettings.regionId, scope.actor.regionId))
          .returning();
  if (rows.length === 0) throw new DomainError('STALE_VERSION', 'Someone else changed this in the meantime.');
  scope.audit({
    objectType: 'stagnation_settings',
    objectId: scope.actor.regionId,
    action: 'update',
    basis: 'regional_management',
    role: scope.actor.roles.includes('process_manager') ? 'process_manager' : 'administrator',
  });
  return view({ settings, ladder, version: current.version + 1 });
}
