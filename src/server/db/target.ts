import type { Config } from '../config.js';
import type { DatabaseTarget } from './connect.js';

export function targetFromConfig(config: Config): DatabaseTarget {
  if (config.databaseUrl) {
    return {
      kind: 'postgres',
      url: config.databaseUrl,
      appUrl: config.databaseAppUrl,
      appPassword: config.appDbPassword,
    };
  }
  return { kind: 'pglite', dataDir: config.dataDir };
}
