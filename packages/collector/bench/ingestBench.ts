// A bounded load test of POST /events on loopback: concurrent clients post batches for a fixed
// time, against SQLite and (given a database URL) Postgres; prints events/s and p50/p99 latency.
// Usage: npm run bench:collector [-- --seconds 30 --clients 16 --batch 20]
// Postgres: DATABASE_URL or CARTBACK_TEST_DATABASE_URL (eval "$(.ci/startPostgres)" starts one).
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createCollector } from '../src/createCollector';
import { makeBatch, makeEvent } from '../src/makeEvent';
import type { StorageOptions } from '../src/storage/connectDatabase';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '16' },
    batch: { type: 'string', default: '20' },
  },
});
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const batchSize = Number(values.batch);

async function run(name: string, storage: StorageOptions): Promise<void> {
  // Every bench client comes from 127.0.0.1: lift the per-address rate limit for the test.
  const collector = createCollector({ ...storage, limits: { ratePerSecond: 1_000_000, rateBurst: 1_000_000 } });
  const { url } = await collector.listen(0, '127.0.0.1');
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let events = 0;
  let failures = 0;
  const endAt = Date.now() + seconds * 1000;

  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(`${url}/events`, { method: 'POST', agent, headers: { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode!));
      });
      req.on('error', reject);
      req.end(body);
    });

  const client = async (index: number) => {
    const anonymousId = randomUUID();
    for (let round = 0; Date.now() < endAt; round++) {
      const batch = Array.from({ length: batchSize }, (_, n) =>
        makeEvent(n % 2 ? 'cart_updated' : 'banner_shown', { anonymousId, sessionId: `bench-${index}` }),
      );
      const body = JSON.stringify(makeBatch(batch));
      const started = performance.now();
      const status = await post(body);
      latencies.push(performance.now() - started);
      if (status === 200) events += batchSize;
      else failures++;
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, (_, index) => client(index)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  await collector.close();

  latencies.sort((a, b) => a - b);
  const quantile = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  console.log(
    `${name.padEnd(8)} ${Math.round(events / elapsed)} events/s  (${latencies.length} batches of ${batchSize} in ${elapsed.toFixed(1)} s, ${clients} clients)  p50 ${quantile(0.5)} ms  p99 ${quantile(0.99)} ms  failures ${failures}`,
  );
}

const dataDir = await mkdtemp(join(tmpdir(), 'cartback-bench-'));
try {
  await run('sqlite', { dataDir });
  const databaseUrl = process.env.DATABASE_URL || process.env.CARTBACK_TEST_DATABASE_URL;
  if (databaseUrl) await run('postgres', { dataDir, databaseUrl });
  else console.log('postgres skipped: set DATABASE_URL or CARTBACK_TEST_DATABASE_URL (eval "$(.ci/startPostgres)")');
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
