import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GLOBAL_PERMISSIONS, type GlobalPermission } from '../../contracts/auth.js';
import { HOUSEHOLD_ACTIONS, type HouseholdRelation } from '../../contracts/households.js';
import { ROLES, type Role } from '../../contracts/roles.js';
import {
  PROFESSIONAL_ROLES,
  basisFor,
  globalPermissions,
  hasGlobalPermission,
  hasHouseholdPermission,
  householdPermissions,
  roleRelationFor,
  type HouseholdPermission,
} from './catalogue.js';

const RELATIONS: readonly HouseholdRelation[] = [
  'coordinator',
  'partner',
  'auditor',
  'administrator',
  'emergency',
];
const rolesArb = fc.subarray([...ROLES]);

describe('globalPermissions per role', () => {
  const expected: Record<Role, GlobalPermission[]> = {
    coordinator: ['household.register', 'signal.submit', 'stagnation.worklist', 'emergency.request'],
    partner_professional: ['signal.submit', 'signal.passed_on', 'emergency.request'],
    partner_manager: ['service.manage', 'signal.submit', 'signal.passed_on', 'emergency.request'],
    process_manager: [
      'signal.submit',
      'signal.triage',
      'coordinator.assign',
      'stagnation.board',
      'stagnation.settings',
      'insights.read',
    ],
    /** Triages (issue 7) but does not assign coordinators. */
    intake_coordinator: ['signal.triage'],
    privacy_officer: ['audit.read', 'emergency.review'],
    policy_viewer: ['insights.read'],
    administrator: [
      'organisation.manage',
      'user.manage',
      'record.restore',
      'service.manage',
      'stagnation.settings',
    ],
  };

  it.each(ROLES)('%s', (role) => {
    expect(new Set(globalPermissions([role]))).toEqual(new Set(expected[role]));
    expect(globalPermissions([role])).toHaveLength(expected[role].length);
  });

  it('gives nothing without roles', () => {
    expect(globalPermissions([])).toEqual([]);
    for (const p of GLOBAL_PERMISSIONS) expect(hasGlobalPermission([], p)).toBe(false);
  });

  it('combines the permissions of several roles', () => {
    expect(new Set(globalPermissions(['coordinator', 'privacy_officer']))).toEqual(
      new Set([
        'household.register',
        'audit.read',
        'emergency.review',
        'signal.submit',
        'stagnation.worklist',
        'emergency.request',
      ]),
    );
    expect(new Set(globalPermissions([...ROLES]))).toEqual(new Set(GLOBAL_PERMISSIONS));
  });

  it('does not let the administrator read the audit trail or register households', () => {
    expect(hasGlobalPermission(['administrator'], 'audit.read')).toBe(false);
    expect(hasGlobalPermission(['administrator'], 'household.register')).toBe(false);
  });

  it('is exactly the set of permissions hasGlobalPermission grants (property)', () => {
    fc.assert(
      fc.property(rolesArb, (roles) => {
        const granted = globalPermissions(roles);
        expect(new Set(granted).size).toBe(granted.length);
        expect(new Set(granted)).toEqual(
          new Set(GLOBAL_PERMISSIONS.filter((p) => hasGlobalPermission(roles, p))),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('is monotonic: adding roles never removes a permission (property)', () => {
    fc.assert(
      fc.property(rolesArb, rolesArb, (roles, extra) => {
        const before = globalPermissions(roles);
        const after = new Set(globalPermissions([...roles, ...extra]));
        for (const p of before) expect(after.has(p)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

describe('householdPermissions per relation', () => {
  it('gives the coordinator every write action but not audit.read', () => {
    expect(new Set(householdPermissions('coordinator'))).toEqual(
      new Set([
        'update',
        'member.write',
        'network.write',
        'involvement.manage',
        'assessment.write',
        'safety.manage',
        'plan.write',
        'action.report',
        'plan.acknowledge',
        'referral.write',
        'contact.write',
        'handover.write',
        'meldcode.manage',
        'stagnation.report',
        'stagnation.manage',
        'consent.manage',
        'basis.share',
        'access_log.read',
      ]),
    );
  });

  it('gives a partner only reporting on their actions, acknowledging the plan and the chain actions', () => {
    expect(householdPermissions('partner')).toEqual([
      'action.report',
      'plan.acknowledge',
      'referral.write',
      'contact.write',
      'handover.write',
      'stagnation.report',
      'basis.share',
    ]);
  });

  it('gives the auditor only audit.read and the access overview', () => {
    expect(householdPermissions('auditor')).toEqual(['audit.read', 'access_log.read']);
  });

  it('gives emergency access reading only, no action at all', () => {
    expect(householdPermissions('emergency')).toEqual([]);
    expect(hasHouseholdPermission('emergency', 'read')).toBe(true);
    expect(hasHouseholdPermission('emergency', 'view')).toBe(true);
  });

  it('gives the administrator no actions', () => {
    expect(householdPermissions('administrator')).toEqual([]);
  });

  it('only ever returns household actions, never view or read', () => {
    for (const relation of RELATIONS) {
      for (const action of householdPermissions(relation)) {
        expect(HOUSEHOLD_ACTIONS).toContain(action);
        expect(hasHouseholdPermission(relation, action)).toBe(true);
      }
    }
  });

  it('agrees with hasHouseholdPermission for every action', () => {
    for (const relation of RELATIONS) {
      const granted = new Set(householdPermissions(relation));
      for (const action of HOUSEHOLD_ACTIONS)
        expect(hasHouseholdPermission(relation, action)).toBe(granted.has(action));
    }
  });
});

describe('hasHouseholdPermission for view and read', () => {
  const cases: [HouseholdRelation, HouseholdPermission, boolean][] = [
    ['coordinator', 'view', true],
    ['partner', 'view', true],
    ['auditor', 'view', true],
    ['administrator', 'view', false],
    ['coordinator', 'read', true],
    ['partner', 'read', true],
    ['auditor', 'read', false],
    ['administrator', 'read', false],
  ];
  it.each(cases)('%s may %s: %s', (relation, permission, allowed) => {
    expect(hasHouseholdPermission(relation, permission)).toBe(allowed);
  });
});

describe('roleRelationFor', () => {
  it('lets an administrator restore, nobody else', () => {
    expect(roleRelationFor(['administrator'], 'restore')).toBe('administrator');
    expect(roleRelationFor(['privacy_officer'], 'restore')).toBeNull();
    expect(roleRelationFor(['coordinator'], 'restore')).toBeNull();
    expect(roleRelationFor(['privacy_officer', 'administrator'], 'restore')).toBe('administrator');
  });

  it('gives a privacy officer the auditor relation for other permissions', () => {
    expect(roleRelationFor(['privacy_officer'], 'view')).toBe('auditor');
    expect(roleRelationFor(['privacy_officer'], 'audit.read')).toBe('auditor');
    expect(roleRelationFor(['privacy_officer', 'administrator'], 'view')).toBe('auditor');
  });

  it('gives an administrator no role relation except for restoring', () => {
    expect(roleRelationFor(['administrator'], 'view')).toBeNull();
    expect(roleRelationFor(['administrator'], 'read')).toBeNull();
    expect(roleRelationFor(['administrator'], 'update')).toBeNull();
  });

  it('gives care roles no role-based relation (they need a care relation)', () => {
    for (const role of [
      'coordinator',
      'partner_professional',
      'partner_manager',
      'process_manager',
      'policy_viewer',
    ] as const) {
      expect(roleRelationFor([role], 'view')).toBeNull();
      expect(roleRelationFor([role], 'restore')).toBeNull();
    }
  });

  it('never grants an auditor write actions through a role relation (property)', () => {
    const permissionArb = fc.constantFrom<HouseholdPermission | 'restore'>(
      'view',
      'read',
      'restore',
      ...HOUSEHOLD_ACTIONS,
    );
    fc.assert(
      fc.property(rolesArb, permissionArb, (roles, permission) => {
        const relation = roleRelationFor(roles, permission);
        if (relation === null) return;
        expect(['auditor', 'administrator']).toContain(relation);
        if (relation === 'auditor') expect(roles).toContain('privacy_officer');
        if (relation === 'administrator') {
          expect(roles).toContain('administrator');
          expect(permission).toBe('restore');
        }
        expect(hasHouseholdPermission(relation, 'read')).toBe(false);
        expect(
          householdPermissions(relation).filter((a) => a !== 'audit.read' && a !== 'access_log.read'),
        ).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});

describe('basisFor', () => {
  it.each([
    ['coordinator', 'care_relation:coordinator'],
    ['partner', 'care_relation:partner'],
    ['auditor', 'privacy_audit'],
    ['administrator', 'administration'],
    ['emergency', 'emergency_access'],
  ] as const)('%s -> %s', (relation, basis) => {
    expect(basisFor(relation)).toBe(basis);
  });
});

describe('PROFESSIONAL_ROLES', () => {
  it('lists the roles that can be attached to a household', () => {
    expect(new Set(PROFESSIONAL_ROLES)).toEqual(
      new Set(['coordinator', 'partner_professional', 'partner_manager']),
    );
  });
});
