import { loadConfig } from '../config.js';
import { migrateOwner, openOwner } from './connect.js';
import { targetFromConfig } from './target.js';

const config = loadConfig();
const owner = await openOwner(targetFromConfig(config));
try {
  await migrateOwner(owner, config.appDbPassword);
  console.log(`Migrations applied (${owner.kind}).`);
} finally {
  await owner.close();
}
