import { z } from 'zod';

export const ROLES = [
  'coordinator',
  'partner_professional',
  'partner_manager',
  'process_manager',
  'intake_coordinator',
  'privacy_officer',
  'policy_viewer',
  'administrator',
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const ORGANISATION_TYPES = [
  'wijkteam',
  'jeugdhulp',
  'ggz',
  'verslavingszorg',
  'schuldhulpverlening',
  'woningcorporatie',
  'onderwijs',
  'politie',
  'veilig_thuis',
  'gemeente',
  'overig',
] as const;
export const OrganisationType = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationType>;
