import type { Progress } from '../orchestration/generate.js';
import { createProgress } from './progress.js';

export interface RunHooks {
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * Runs a long command with a progress line (when `showProgress`) and Ctrl-C wired to an abort
 * signal, so every layer stops cleanly and nothing half-written is kept.
 */
export async function interruptible<T>(
  showProgress: boolean,
  run: (hooks: RunHooks) => Promise<T>,
): Promise<T> {
  const progress = showProgress ? createProgress() : undefined;
  const controller = new AbortController();
  const onSignal = () => {
    controller.abort(new Error('interrupted'));
  };
  // SIGTERM (a service manager, `kill`) stops a load like Ctrl-C: no staging left behind, index
  // settings put back, the checkpoint kept.
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await run({
      signal: controller.signal,
      onProgress: progress
        ? (p) => {
            progress.update(p);
          }
        : undefined,
    });
  } finally {
    progress?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
