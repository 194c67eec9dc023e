import { expect } from 'vitest';
import { repeatedIds, reportDelivery, sentIds, type DeliveryReport } from './deliveryReport';
import type { RunningCollector } from './startCollector';
import type { FlakyEndpoint } from './startFlakyEndpoint';

/**
 * Waits until the `expected` ids and every id the endpoint was ever sent are stored, checks that
 * the collector holds each of them once and nothing it was not sent, and logs sent vs stored.
 */
export async function expectStoredOnce(
  label: string,
  { front, collector }: { front: FlakyEndpoint; collector: RunningCollector },
  expected: string[],
): Promise<DeliveryReport> {
  const missing = async () => {
    const stored = new Set((await collector.stored()).map((e) => e.id));
    return [...new Set([...expected, ...sentIds(front.requests)])].filter((id) => !stored.has(id));
  };
  await expect.poll(missing, { timeout: 20_000, interval: 100 }).toEqual([]);
  const stored = await collector.stored();
  expect(repeatedIds(stored.map((e) => e.id))).toEqual({});
  expect(stored.map((e) => e.id).sort()).toEqual([...new Set(sentIds(front.requests))].sort());
  const report = reportDelivery(front.requests, stored);
  console.log(`[e2e] ${label}: ${JSON.stringify(report)}`);
  return report;
}
