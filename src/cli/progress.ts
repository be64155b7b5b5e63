import cliProgress from 'cli-progress';
import type { Progress } from '../orchestration/generate.js';

/** A live line on stderr: elements written and rate. Only used when stderr is a terminal. */
export function createProgress() {
  const bar = new cliProgress.SingleBar(
    {
      format: 'generating {elements} elements | {rate} elements/s | {seconds}s',
      stream: process.stderr,
      clearOnComplete: true,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(progress: Progress) {
      const payload = {
        elements: progress.elements.toLocaleString('en-US'),
        rate:
          progress.elapsedMs > 0
            ? Math.round((progress.elements / progress.elapsedMs) * 1000).toLocaleString('en-US')
            : '0',
        seconds: (progress.elapsedMs / 1000).toFixed(1),
      };
      if (!started) {
        bar.start(0, 0, payload);
        started = true;
      } else bar.update(0, payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
