import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseAppUrl: string | undefined;
  appDbPassword: string | undefined;
  secureCookies: boolean;
  logLevel: string;
  seedDemo: boolean;
  webDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = process.cwd();
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(root, env.SCHAKEL_DATA_DIR ?? 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    databaseAppUrl: env.DATABASE_APP_URL || undefined,
    appDbPassword: env.SCHAKEL_APP_DB_PASSWORD || undefined,
    secureCookies: env.SCHAKEL_INSECURE_COOKIES !== '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDemo: env.SCHAKEL_SEED_DEMO !== '0',
    webDir: path.resolve(root, env.SCHAKEL_WEB_DIR ?? 'dist/web'),
  };
}
