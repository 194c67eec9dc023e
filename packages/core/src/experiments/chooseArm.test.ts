import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../config/config.js';
import { chooseArm, type SavedArm } from './chooseArm.js';
import { uuid } from '../engine/uuid.js';

const experiment: ExperimentConfig = { id: 'exit-offer', holdout: 0.1, variants: [{ id: 'control' }, { id: 'ten-off' }] };
const ids = Array.from({ length: 100_000 }, () => uuid());

function split(config: ExperimentConfig): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) {
    const { arm } = chooseArm(config, id);
    counts[arm] = (counts[arm] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(counts).map(([arm, n]) => [arm, n / ids.length]));
}

describe('chooseArm', () => {
  it('splits 100,000 random ids within 1 point of a holdout of 10% and two equal variants', () => {
    const shares = split(experiment);
    console.log('[split] holdout 0.1, control 1, ten-off 1:', shares);
    expect(Object.keys(shares).sort()).toEqual(['control', 'holdout', 'ten-off']);
    expect(Math.abs(shares.holdout - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(shares.control - 0.45)).toBeLessThan(0.01);
    expect(Math.abs(shares['ten-off'] - 0.45)).toBeLessThan(0.01);
  });

  it('splits 100,000 random ids within 1 point of unequal weights (3:1, no holdout)', () => {
    const shares = split({ id: 'copy', variants: [{ id: 'a', weight: 3 }, { id: 'b', weight: 1 }] });
    console.log('[split] a 3, b 1:', shares);
    expect(Math.abs(shares.a - 0.75)).toBeLessThan(0.01);
    expect(Math.abs(shares.b - 0.25)).toBeLessThan(0.01);
  });

  it('gives one visitor the same arm every time', () => {
    expect(new Set(Array.from({ length: 5 }, () => chooseArm(experiment, ids[0]).arm)).size).toBe(1);
  });

  it('keeps every visitor in the arm kept for them when the weights change without a new seed', () => {
    const saved = new Map<string, SavedArm>(ids.slice(0, 10_000).map((id) => [id, { seed: 'exit-offer', arm: chooseArm(experiment, id).arm }]));
    const reweighted: ExperimentConfig = { ...experiment, holdout: 0.3, variants: [{ id: 'control', weight: 1 }, { id: 'ten-off', weight: 4 }] };
    let moved = 0;
    let movedWithoutRecord = 0;
    for (const [id, kept] of saved) {
      moved += +(chooseArm(reweighted, id, kept).arm != kept.arm);
      movedWithoutRecord += +(chooseArm(reweighted, id).arm != kept.arm);
    }
    expect(moved).toBe(0);
    // Without the kept arm, the hash alone would have moved many (which is why it is kept).
    expect(movedWithoutRecord).toBeGreaterThan(1000);
  });

  it('draws again under a new seed, and when the kept arm is gone or closed', () => {
    const id = ids[1];
    const reseeded = { ...experiment, seed: 'exit-offer-v2' };
    const kept = { seed: 'exit-offer', arm: 'ten-off' };
    expect(chooseArm(reseeded, id, kept).why).toMatch(/^bucket .* of seed "exit-offer-v2"/);
    expect(chooseArm(experiment, id, { seed: 'exit-offer', arm: 'gone' }).why).toMatch(/^bucket/);
    const closed = { ...experiment, variants: [{ id: 'control' }, { id: 'ten-off', weight: 0 }] };
    expect(chooseArm(closed, id, kept).arm).not.toBe('ten-off');
    expect(chooseArm(experiment, id, kept)).toEqual({ arm: 'ten-off', why: 'kept from an earlier page' });
  });

  it('never draws an arm whose share is 0', () => {
    const closed = { id: 'x', variants: [{ id: 'a', weight: 0 }, { id: 'b' }, { id: 'c', weight: 0 }] };
    expect(new Set(ids.slice(0, 2000).map((id) => chooseArm(closed, id).arm))).toEqual(new Set(['b']));
  });

  it('takes a forced arm of the experiment, and ignores one it does not have', () => {
    expect(chooseArm(experiment, ids[2], undefined, 'holdout')).toEqual({ arm: 'holdout', why: 'forced by the cb_arm parameter', forced: true });
    expect(chooseArm(experiment, ids[2], undefined, 'nope').forced).toBeUndefined();
  });
});
