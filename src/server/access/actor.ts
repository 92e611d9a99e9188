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
}

export interface RequestMeta {
  clientAddress: string | null;
}
