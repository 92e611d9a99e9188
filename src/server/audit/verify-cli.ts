import { loadConfig } from '../config.js';
import { openOwner } from '../db/connect.js';
import { targetFromConfig } from '../db/target.js';
import { verifyAuditChain } from './verify.js';

/** `npm run audit:verify`: checks the audit hash chain as the schema owner. Exit code 1 when broken. */
const config = loadConfig();
const owner = await openOwner(targetFromConfig(config));
try {
  const result = await verifyAuditChain(owner.db);
  if (result.ok) {
    console.log(`Audit chain intact: ${result.checked} events checked.`);
  } else {
    const b = result.firstBroken!;
    console.error(
      `Audit chain BROKEN at region ${b.regionId}, seq ${b.seq}: ${b.reason}. ${result.checked} events before it are intact.`,
    );
    process.exitCode = 1;
  }
} finally {
  await owner.close();
}
