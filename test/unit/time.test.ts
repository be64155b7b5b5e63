import { describe, expect, it } from 'vitest';
import { isoDate, isoTimestamp } from '../../src/generators/time.js';
import { Rng } from '../../src/random/index.js';

describe('time formatting', () => {
  it('isoTimestamp equals Date.toISOString for any instant', () => {
    const rng = new Rng('time');
    const samples = [
      0,
      1,
      999,
      86_399_999,
      Date.UTC(2026, 0, 15, 12),
      Date.UTC(1969, 11, 31, 23, 59, 59, 999),
    ];
    for (let i = 0; i < 5_000; i++) samples.push(Math.floor(rng.float(-2e12, 4e12)));
    for (const ms of samples) {
      expect(isoTimestamp(ms), String(ms)).toBe(new Date(ms).toISOString());
      expect(isoDate(ms), String(ms)).toBe(new Date(ms).toISOString().slice(0, 10));
    }
  });
});
