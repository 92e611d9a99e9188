import { ensureWebBuild } from './web-build.js';

/** `npm start`: make sure the web app is built, then start the server (PGlite in ./data unless DATABASE_URL). */
await ensureWebBuild();
await import('../src/server/main.js');
