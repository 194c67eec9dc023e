import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCollector } from '../../packages/collector/src/createCollector';

/** An event as the collector stored it (the fields the tests read). */
export interface StoredEvent {
  id: string;
  type: string;
  time: string;
  sessionId: string;
  reason?: string;
  abandonmentId?: string;
  cart?: { id: string; version: number; items: Array<Record<string, unknown>>; value: number; count: number; currency: string };
  [field: string]: unknown;
}

export interface RunningCollector {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  /** Where the SDK (or a front) POSTs: `${url}/events`. */
  endpoint: string;
  /** What the collector stored, newest first (`GET /api/events`), optionally of one type. */
  stored(type?: string): Promise<StoredEvent[]>;
  /** The collector's figures (`GET /api/stats`): only abandonments that count are in `abandoned`. */
  stats(): Promise<{ abandoned: number; pending: number; returned: number; recovered: number }>;
  close(): Promise<void>;
}

/** The reference collector, unmodified, on 127.0.0.1:0 with its own temporary SQLite directory. */
export async function startCollector(): Promise<RunningCollector> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cartback-e2e-collector-'));
  const collector = createCollector({ dataDir });
  const { url } = await collector.listen(0, '127.0.0.1');
  return {
    url,
    endpoint: `${url}/events`,
    async stored(type) {
      const query = new URLSearchParams({ limit: '500', ...(type && { type }) });
      const response = await fetch(`${url}/api/events?${query}`);
      if (!response.ok) throw new Error(`GET /api/events answered ${response.status}: ${await response.text()}`);
      const { events } = (await response.json()) as { events: Array<{ event: StoredEvent }> };
      return events.map(({ event }) => event);
    },
    async stats() {
      const response = await fetch(`${url}/api/stats`);
      if (!response.ok) throw new Error(`GET /api/stats answered ${response.status}: ${await response.text()}`);
      return response.json();
    },
    async close() {
      collector.server.closeAllConnections();
      await collector.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
