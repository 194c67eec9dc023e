import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCollector, type CollectorOptions } from './createCollector';
import { loadRecoveryConfig, RecoveryConfigError } from './recovery/loadRecoveryConfig';
import { loadWebhooks } from './webhooks/loadWebhooks';

const usage = 'Usage: tsx packages/collector/src/main.ts [--port N] [--host H] [--data DIR] [--config recovery.json] [--webhooks webhooks.json]';
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: fileURLToPath(new URL('../data', import.meta.url)) },
    config: { type: 'string' },
    webhooks: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be an integer from 0 to 65535 (${values.port}).\n${usage}`);
  process.exit(1);
}

// DATABASE_URL selects Postgres (several processes can share it); otherwise SQLite in --data.
const databaseUrl = process.env.DATABASE_URL || undefined;
// Recovery emails are on when a config file is given; a mistake in it stops the start-up.
let recovery: CollectorOptions['recovery'];
const configFile = values.config ?? process.env.CARTBACK_CONFIG;
if (configFile) {
  try {
    const config = loadRecoveryConfig(configFile);
    recovery = { config, intervalMs: config.pollSeconds * 1000 };
  } catch (error) {
    if (!(error instanceof RecoveryConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
const webhooksFile = values.webhooks ?? process.env.CARTBACK_WEBHOOKS;
let webhooks: CollectorOptions['webhooks'];
if (webhooksFile) {
  try {
    webhooks = { list: loadWebhooks(webhooksFile) };
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
const readToken = process.env.CARTBACK_READ_TOKEN || undefined;
const collector = createCollector({
  dataDir: values.data,
  ...(databaseUrl && { databaseUrl }),
  ...(recovery && { recovery }),
  ...(readToken && { readToken }),
  ...(webhooks && { webhooks }),
  trustProxy: process.env.CARTBACK_TRUST_PROXY === '1',
});
const { url } = await collector.listen(port, values.host).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const storage = databaseUrl ? 'Postgres (DATABASE_URL)' : `SQLite in ${values.data}`;
console.log(`cartback collector: ${url}  (POST ${url}/events, dashboard ${url}/, data: ${storage})`);
console.log(recovery ? `recovery emails: on (${configFile})` : 'recovery emails: off (no --config)');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void collector.close().then(() => process.exit(0)));
}
