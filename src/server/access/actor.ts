import type { Role } from '../../contracts/roles.js';

/** The authenticated professional on whose behalf a request runs. */
export interface Actor {
  userId: string;
  regionId: string;
  organisationId: string;
  organisationName: string;
  name: string;
  email: string;
  roles: Role[];
  /** The session's second factor (set for HTTP requests; absent for system work such as the seed or sweeps). */
  secondFactor?: 'none' | 'pending' | 'enrol' | 'verified';
}

export interface RequestMeta {
  clientAddress: string | null;
}
