import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, progressLine } from '../../src/cli/progress.js';

/** A fake terminal: what cli-progress draws, escape sequences removed. */
function terminal() {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk.toString());
        done();
      },
    }),
    { isTTY: true, columns: 200 },
  );
  // eslint-disable-next-line no-control-regex
  const text = () => chunks.join('').replace(/\x1b(\[[0-9;?]*[A-Za-z]|[78])/g, '');
  return { stream, text };
}

describe('the progress line (#15.2)', () => {
  it('a load from files: bar, share, rate and an ETA in seconds', () => {
    const line = progressLine({ elements: 25_000, elapsedMs: 5_000, totalElements: 100_000 });
    expect(line).toBe(
      `${'█'.repeat(8)}${'░'.repeat(22)} 25% | 25,000 elements | 5,000 elements/s | 5.0s | ETA 15s`,
    );
  });

  it('long ETAs in minutes and hours', () => {
    expect(progressLine({ elements: 1, elapsedMs: 1_000, totalElements: 76 })).toMatch(
      /ETA 1m15s$/,
    );
    expect(progressLine({ elements: 1, elapsedMs: 1_000, totalElements: 7_201 })).toMatch(
      /ETA 2h00m$/,
    );
  });

  it('a generation run, whose total is unknown, shows no bar rather than a full one', () => {
    const line = progressLine({ elements: 1_000_000, elapsedMs: 8_600 });
    expect(line).toBe('1,000,000 elements | 116,279 elements/s | 8.6s');
    expect(line).not.toMatch(/[█░]/);
  });

  it('is drawn on the terminal as rendered, not overwritten by cli-progress placeholders', async () => {
    const { stream, text } = terminal();
    const progress = createProgress(stream);
    progress.update({ elements: 10_000, elapsedMs: 2_000, totalElements: 100_000 });
    await new Promise((resolve) => setTimeout(resolve, 150)); // cli-progress redraws at 10 fps
    progress.update({ elements: 43_000, elapsedMs: 8_600, totalElements: 100_000 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const drawn = text();
    expect(drawn).toContain('43,000 elements | 5,000 elements/s | 8.6s | ETA 11s');
    expect(drawn).not.toMatch(/\ds\d/); // the "8.6s15" of cli-progress's own {eta}
    progress.stop();
  });
});
