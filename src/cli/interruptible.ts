import type { Progress } from '../orchestration/generate.js';
import { discardPendingStagingSync } from '../output/output-directory.js';
import { EXIT } from './exit-codes.js';
import { createProgress } from './progress.js';

export interface RunHooks {
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
}

/** Signals that stop a run: Ctrl-C, `kill`, a closed terminal. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Runs a long command with a progress line (when `showProgress`) and Ctrl-C wired to an abort
 * signal, so every layer stops cleanly and nothing half-written is kept. A second Ctrl-C does not
 * wait for that: it removes the staging directory and exits at once.
 */
export async function interruptible<T>(
  showProgress: boolean,
  run: (hooks: RunHooks) => Promise<T>,
): Promise<T> {
  const progress = showProgress ? createProgress() : undefined;
  const controller = new AbortController();
  const onSignal = () => {
    if (!controller.signal.aborted) {
      controller.abort(new Error('interrupted'));
      return;
    }
    progress?.stop();
    discardPendingStagingSync();
    process.stderr.write('fingraph: interrupted twice; stopped at once, no output was kept\n');
    process.exit(EXIT.interrupted);
  };
  for (const name of STOP_SIGNALS) process.on(name, onSignal);
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
    for (const name of STOP_SIGNALS) process.off(name, onSignal);
  }
}
