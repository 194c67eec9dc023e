import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCollector } from './createCollector';

const usage = 'Usage: tsx packages/collector/src/main.ts [--port N] [--host H] [--data DIR]';
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string', default: fileURLToPath(new URL('../data', import.meta.url)) },
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
const collector = createCollector({ dataDir: values.data, ...(databaseUrl && { databaseUrl }) });
const { url } = await collector.listen(port, values.host);
const storage = databaseUrl ? 'Postgres (DATABASE_URL)' : `SQLite in ${values.data}`;
console.log(`cartback collector: ${url}  (POST ${url}/events, dashboard ${url}/, data: ${storage})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void collector.close().then(() => process.exit(0)));
}
