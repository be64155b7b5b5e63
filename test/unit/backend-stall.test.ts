import { describe, expect, it } from 'vitest';
import { progressWindowMs, StallWatch } from '../../src/cli/backend-stall.js';

function watch(progressLines: boolean) {
  let now = 0;
  const lines: string[] = [];
  const w = new StallWatch(
    (line) => lines.push(line),
    () => now,
    {
      windowMs: 30_000,
      progressLines,
    },
  );
  const at = (seconds: number, elements: number) => {
    now = seconds * 1000;
    w.sample({ elements, elapsedMs: now });
    w.tick();
  };
  return { lines, at };
}

describe('StallWatch', () => {
  it('warns when the last window fell below a tenth of the run rate', () => {
    const { lines, at } = watch(false);
    at(30, 150_000); // 5,000/s
    at(60, 300_000);
    expect(lines).toEqual([]);
    at(90, 306_000); // 200/s
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warning: loading slowed to 200 elements\/s \(the run so far: 3,400\/s\)/,
    );
  });

  it('says nothing while the rate holds, and prints progress lines off a terminal', () => {
    const { lines, at } = watch(true);
    at(30, 150_000);
    at(60, 290_000);
    at(90, 420_000);
    expect(lines).toEqual([
      '150,000 elements, 5,000/s in the last 30 s (run: 5,000/s)\n',
      '290,000 elements, 4,667/s in the last 30 s (run: 4,833/s)\n',
      '420,000 elements, 4,333/s in the last 30 s (run: 4,667/s)\n',
    ]);
  });

  it('counts a backend that stopped answering (no progress at all) as a stall', () => {
    const { lines, at } = watch(false);
    at(30, 90_000);
    at(60, 180_000);
    at(90, 180_000);
    expect(lines[0]).toMatch(/^warning: loading slowed to 0 elements\/s/);
  });
});

describe('FINGRAPH_PROGRESS_INTERVAL', () => {
  it('sets the window in seconds (30 when unset), and a bad value is refused naming the rule', () => {
    expect(progressWindowMs({})).toBe(30_000);
    expect(progressWindowMs({ FINGRAPH_PROGRESS_INTERVAL: '5' })).toBe(5_000);
    expect(() => progressWindowMs({ FINGRAPH_PROGRESS_INTERVAL: '0.5' })).toThrow(
      'FINGRAPH_PROGRESS_INTERVAL: "0.5" must be a whole number of seconds ≥ 1',
    );
  });
});
