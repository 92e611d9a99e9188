import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';

/** What every module receives: no global singletons, so several app instances can run in one process (tests). */
export interface Deps {
  db: Database;
  config: Config;
  log: FastifyBaseLogger;
  version: string;
}
