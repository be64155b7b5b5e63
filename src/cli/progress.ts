import cliProgress from 'cli-progress';
import type { Progress } from '../orchestration/generate.js';

/**
 * A live line on stderr: elements written, rate, and — when the total is known (a load from
 * files) — a bar and an ETA. Only used when stderr is a terminal.
 */
export function createProgress() {
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {elements} elements | {rate} elements/s | {seconds}s{eta}',
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress: Progress) {
      const rate = progress.elapsedMs > 0 ? (progress.elements / progress.elapsedMs) * 1000 : 0;
      const total = progress.totalElements;
      const eta =
        total !== undefined && rate > 0
          ? ` | ETA ${Math.max(0, (total - progress.elements) / rate).toFixed(0)}s`
          : '';
      const payload = {
        elements: progress.elements.toLocaleString('en-US'),
        rate: Math.round(rate).toLocaleString('en-US'),
        seconds: (progress.elapsedMs / 1000).toFixed(1),
        eta,
      };
      if (!started) {
        bar.start(total ?? 0, progress.elements, payload);
        started = true;
      } else bar.update(progress.elements, payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
