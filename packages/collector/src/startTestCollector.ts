import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StorageOptions } from './storage/connectDatabase';
import { createCollector, type Collector, type CollectorOptions } from './createCollector';
import type { CollectorLimits } from './resolveLimits';

interface JsonResponse {
  status: number;
  headers: Headers;
  /** Whatever the collector answered: its shape is what the tests assert. */
  body: any;
}

export interface TestCollector {
  collector: Collector;
  url: string;
  dataDir: string;
  /** Posts the way the SDK does: a JSON string as text/plain, no custom headers. */
  post(body: unknown, contentType?: string): Promise<JsonResponse>;
  get(path: string): Promise<JsonResponse>;
  /** Ids of the stored events, newest first. */
  storedIds(): Promise<string[]>;
  stop(): Promise<void>;
}

/** A real collector on 127.0.0.1, on a free port, with its own temporary data directory unless given a store. */
export async function startTestCollector(
  limits?: Partial<CollectorLimits>,
  storage?: StorageOptions,
  recovery?: CollectorOptions['recovery'],
  webhooks?: CollectorOptions['webhooks'],
): Promise<TestCollector> {
  const dataDir = storage?.dataDir ?? mkdtempSync(join(tmpdir(), 'cartback-collector-'));
  const collector = createCollector({ ...storage, dataDir, ...(limits && { limits }), ...(recovery && { recovery }), ...(webhooks && { webhooks }) });
  const { url } = await collector.listen();
  const toJson = async (response: Response): Promise<JsonResponse> => ({
    status: response.status,
    headers: response.headers,
    body: await response.json(),
  });
  const get = async (path: string) => toJson(await fetch(url + path));

  return {
    collector,
    url,
    dataDir,
    post: async (body, contentType = 'text/plain;charset=UTF-8') =>
      toJson(
        await fetch(`${url}/events`, {
          method: 'POST',
          headers: { 'Content-Type': contentType },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    get,
    storedIds: async () =>
      (await get('/api/events?limit=500')).body.events.map((stored: { event: { id: string } }) => stored.event.id),
    stop: async () => {
      await collector.close();
      // A store given by the caller is the caller's to remove.
      if (!storage) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
