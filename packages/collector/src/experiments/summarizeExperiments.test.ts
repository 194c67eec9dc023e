import { describe, expect, it } from 'vitest';
import { seeded } from '../testing/seeded';
import { summarizeExperiments } from './summarizeExperiments';
import type { ExperimentRow } from './types';

const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();
const HOUR = 3600_000;

interface Arm {
  name: string;
  visitors: number;
  conversion: number;
}

/** Visitors exposed to `arms` (holdout first), each ordering with the arm's probability, orders worth 20 to 80. */
function simulate(random: () => number, arms: Arm[], shares: Record<string, number>): ExperimentRow[] {
  const rows: ExperimentRow[] = [];
  let n = 0;
  for (const arm of arms)
    for (let i = 0; i < arm.visitors; i++) {
      const anonymousId = `v${n++}`;
      rows.push({ type: 'experiment_exposed', anonymousId, time: at(i), experimentId: 'exit-offer', arm: arm.name, shares });
      if (random() < arm.conversion) rows.push({ type: 'order_completed', anonymousId, time: at(i + HOUR), value: 20 + 60 * random() });
    }
  return rows;
}

const HALF = { holdout: 0.5, modal: 0.5 };

describe('summarizeExperiments', () => {
  it('counts visitors from their first exposure, orders within the window after it, and leaves forced arms out', () => {
    const shares = { holdout: 0.5, modal: 0.5 };
    const rows: ExperimentRow[] = [
      { type: 'experiment_exposed', anonymousId: 'a', time: at(0), experimentId: 'x', arm: 'modal', shares },
      { type: 'experiment_exposed', anonymousId: 'a', time: at(HOUR), experimentId: 'x', arm: 'modal', shares }, // again: counted once
      { type: 'order_completed', anonymousId: 'a', time: at(-HOUR), value: 99 }, // before the exposure
      { type: 'order_completed', anonymousId: 'a', time: at(2 * HOUR), value: 30 },
      { type: 'order_completed', anonymousId: 'a', time: at(8 * 24 * HOUR), value: 99 }, // after 7 days
      { type: 'cart_abandoned', anonymousId: 'a', time: at(HOUR), abandonmentId: 'c:1' },
      { type: 'cart_abandoned', anonymousId: 'a', time: at(HOUR + 1), abandonmentId: 'c:1' }, // the same one from another tab
      { type: 'experiment_exposed', anonymousId: 'b', time: at(5), experimentId: 'x', arm: 'holdout', shares },
      { type: 'order_completed', anonymousId: 'b', time: at(10), value: 10 },
      { type: 'experiment_exposed', anonymousId: 'qa', time: at(6), experimentId: 'x', arm: 'modal', shares, forced: true },
      { type: 'order_completed', anonymousId: 'qa', time: at(7), value: 1000 },
    ];
    const [result] = summarizeExperiments(rows);
    expect(result).toMatchObject({ id: 'x', baseline: 'holdout', visitors: 2, firstExposure: at(0), lastExposure: at(HOUR) });
    expect(result.arms.map(({ arm, visitors, abandonments, orders, converted, revenue, share }) => ({ arm, visitors, abandonments, orders, converted, revenue, share }))).toEqual([
      { arm: 'holdout', visitors: 1, abandonments: 0, orders: 1, converted: 1, revenue: 10, share: 0.5 },
      { arm: 'modal', visitors: 1, abandonments: 1, orders: 1, converted: 1, revenue: 30, share: 0.5 },
    ]);
    expect(result.verdict).toEqual(['Not enough data yet: every arm needs 100 exposed visitors and the holdout at least one order.']);
  });

  it('compares with the first variant when there is no holdout', () => {
    const rows = simulate(seeded(1), [{ name: 'control', visitors: 300, conversion: 0.1 }, { name: 'b', visitors: 300, conversion: 0.1 }], { control: 0.5, b: 0.5 });
    const [result] = summarizeExperiments(rows);
    expect(result.baseline).toBe('control');
    expect(result.arms[0].revenueUplift).toBeUndefined();
    expect(result.arms[1].revenueUplift).toBeDefined();
  });

  it('with no true uplift, the 95% intervals cover 0 in about 95% of 1,000 seeded runs', () => {
    const random = seeded(2026);
    let conversionCovers = 0;
    let revenueCovers = 0;
    const runs = 1000;
    for (let run = 0; run < runs; run++) {
      const [result] = summarizeExperiments(simulate(random, [{ name: 'holdout', visitors: 1000, conversion: 0.15 }, { name: 'modal', visitors: 1000, conversion: 0.15 }], HALF));
      const { conversionUplift, revenueUplift } = result.arms[1];
      conversionCovers += +(conversionUplift!.low <= 0 && conversionUplift!.high >= 0);
      revenueCovers += +(revenueUplift!.low <= 0 && revenueUplift!.high >= 0);
    }
    console.log(`[coverage] uplift 0, 1,000 runs of 2 x 1,000 visitors at 15%: conversion CI covers 0 in ${conversionCovers / 10}%, revenue per visitor CI in ${revenueCovers / 10}%`);
    for (const covers of [conversionCovers, revenueCovers]) {
      expect(covers / runs).toBeGreaterThan(0.93);
      expect(covers / runs).toBeLessThan(0.97);
    }
  }, 60_000);

  it('with a true uplift of 20% and enough traffic, the verdict finds it', () => {
    const random = seeded(7);
    let found = 0;
    const runs = 30;
    let verdict: string[] = [];
    for (let run = 0; run < runs; run++) {
      const [result] = summarizeExperiments(
        simulate(random, [{ name: 'holdout', visitors: 20_000, conversion: 0.05 }, { name: 'modal', visitors: 20_000, conversion: 0.06 }], HALF),
      );
      verdict = result.verdict;
      found += +/^modal earns \+\d/.test(result.verdict[0]);
    }
    console.log(`[power] uplift 20%, 2 x 20,000 visitors at 5%: found in ${found} of ${runs} runs; e.g. ${verdict[0]}`);
    expect(found / runs).toBeGreaterThan(0.9);
    expect(verdict[0]).toMatch(/^(modal earns \+\d+\.\d% per visitor compared with holdout \(95% CI \+\d+\.\d% to \+\d+\.\d%\)\.|No clear difference yet)/);
  }, 60_000);

  it('warns of a sample ratio mismatch when a 50/50 experiment splits 60/40, and not when it splits fairly', () => {
    const broken = summarizeExperiments(simulate(seeded(3), [{ name: 'holdout', visitors: 1200, conversion: 0.1 }, { name: 'modal', visitors: 800, conversion: 0.1 }], HALF))[0];
    expect(broken.sampleRatio!.mismatch).toBe(true);
    expect(broken.verdict[0]).toMatch(/^Warning: visitors are not split as the weights say \(sample ratio mismatch, p = /);
    const fair = summarizeExperiments(simulate(seeded(3), [{ name: 'holdout', visitors: 1010, conversion: 0.1 }, { name: 'modal', visitors: 990, conversion: 0.1 }], HALF))[0];
    expect(fair.sampleRatio!.mismatch).toBe(false);
    expect(fair.verdict[0]).not.toMatch(/^Warning/);
  });
});
