import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import type { ValidEvent } from '../createEventValidator';
import { makeCart, makeEvent } from '../makeEvent';
import { openDatabase } from '../storage/openDatabase';
import { describeStorage } from '../testing/describeStorage';
import { testConfig } from '../testing/recoveryFixture';
import { startMailCatcher } from '../testing/startMailCatcher';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const shoppers = 60;
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A collector process (the CLI, as a store runs it), resolved once it listens. */
function startProcess(env: NodeJS.ProcessEnv, configFile: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main, '--port', '0', '--config', configFile], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(() => child.kill());
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('recovery emails: on')) resolve(child);
    });
    child.stderr!.on('data', (chunk) => (output += chunk));
    child.once('exit', (code) => reject(new Error(`collector exited (${code}): ${output}`)));
  });
}

describeStorage((storage) => {
  it.runIf(storage.dialect === 'postgres')(
    'sends each email exactly once with two collector processes on one Postgres database',
    async () => {
      const { options, drop } = await storage.create();
      cleanups.push(drop);
      const mail = await startMailCatcher();
      cleanups.push(() => mail.close());

      // 60 shoppers who gave an email and abandoned 2 hours ago: each first email is due.
      const db = await openDatabase(options);
      const time = new Date(Date.now() - 2 * 3_600_000).toISOString();
      const events = Array.from({ length: shoppers }, (_, index) => {
        const anonymousId = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
        return [
          makeEvent('identified', { anonymousId, time, traits: { email: `shopper${index}@example.com`, acceptsMarketing: true } }),
          makeEvent('cart_abandoned', { anonymousId, time, graceUntil: time, reason: 'idle', cart: makeCart({ id: `cart-${index}` }), abandonmentId: `cart-${index}:3` }),
        ];
      }).flat();
      await db.insertEvents(events as unknown as ValidEvent[], time);

      const dir = await mkdtemp(join(tmpdir(), 'cartback-exactly-once-'));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const configFile = join(dir, 'recovery.json');
      const { recovery: _steps, winBack: _winBack, ...config } = testConfig(mail.smtpUrl);
      await writeFile(configFile, JSON.stringify({ ...config, pollSeconds: 0.2 }));

      const env = { DATABASE_URL: options.databaseUrl };
      await Promise.all([startProcess(env, configFile), startProcess(env, configFile)]);
      await mail.waitFor(shoppers, 60_000);
      // Both keep polling: give them time to send anything twice.
      await new Promise((resolve) => setTimeout(resolve, 2000));

      const jobIds = mail.mails.map((caught) => caught.header('x-cartback-job'));
      expect(mail.mails).toHaveLength(shoppers);
      expect(new Set(jobIds).size).toBe(shoppers);
      expect(new Set(mail.mails.map((caught) => caught.to)).size).toBe(shoppers);
      const statuses = await db.kysely.selectFrom('recovery_jobs').select('status').where('step', '=', 0).execute();
      expect(statuses.filter((row) => row.status === 'sent')).toHaveLength(shoppers);
      await db.close();
    },
    90_000,
  );
});
