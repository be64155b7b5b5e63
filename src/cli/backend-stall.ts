import { ConfigError } from '../errors.js';
import type { Progress } from '../orchestration/generate.js';

/** The last window's rate below this share of the run's own rate is a stall worth a word. */
const STALL_SHARE = 0.1;

/**
 * Watches a run's progress on a timer of its own (a stuck backend stops progress callbacks
 * altogether): prints a progress line every window when stderr is not a terminal (CI logs, a
 * service), and warns when the last window's rate fell below a tenth of the run's average — a
 * server out of heap or overloaded — instead of slowing to a crawl in silence.
 */
export class StallWatch {
  private last: Progress = { elements: 0, elapsedMs: 0 };
  private windowStart: Progress = { elements: 0, elapsedMs: 0 };
  private timer: NodeJS.Timeout | undefined;
  private readonly startedMs: number;

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number,
    private readonly options: { readonly windowMs: number; readonly progressLines: boolean },
  ) {
    this.startedMs = now();
  }

  readonly sample = (progress: Progress): void => {
    this.last = progress;
  };

  start(): void {
    this.timer = setInterval(() => {
      this.tick();
    }, this.options.windowMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One window: a progress line (off a terminal), and a warning when the rate collapsed. */
  tick(): void {
    const elapsedMs = this.now() - this.startedMs;
    const done = this.last.elements;
    const windowElements = done - this.windowStart.elements;
    const windowMs = elapsedMs - this.windowStart.elapsedMs;
    const rate = (n: number, ms: number) => (ms > 0 ? Math.round((n / ms) * 1000) : 0);
    const average = rate(done, elapsedMs);
    const recent = rate(windowElements, windowMs);
    const total = this.last.totalElements;
    if (this.options.progressLines)
      this.write(
        `${done.toLocaleString('en-US')}${total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`} elements, ${recent.toLocaleString('en-US')}/s in the last ${Math.round(windowMs / 1000)} s (run: ${average.toLocaleString('en-US')}/s)\n`,
      );
    // Two windows in, so the run has a rate of its own to compare with.
    if (elapsedMs >= 2 * this.options.windowMs && recent < average * STALL_SHARE)
      this.write(
        `warning: loading slowed to ${recent.toLocaleString('en-US')} elements/s (the run so far: ${average.toLocaleString('en-US')}/s); a backend may be out of memory or overloaded — check its log (the local in-memory JanusGraph needs heap for the whole graph: docs/loading.md, "Faults while loading")\n`,
      );
    this.windowStart = { elements: done, elapsedMs };
  }
}

/** Seconds per progress window: `FINGRAPH_PROGRESS_INTERVAL`, default 30. */
export function progressWindowMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env['FINGRAPH_PROGRESS_INTERVAL'];
  if (raw === undefined || raw === '') return 30_000;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 1)
    throw new ConfigError(
      'FINGRAPH_PROGRESS_INTERVAL',
      raw,
      'must be a whole number of seconds ≥ 1',
    );
  return seconds * 1000;
}

/**
 * A StallWatch for a command that loads into backends (undefined otherwise), started; and the
 * progress callback that feeds it as well as the progress bar.
 */
export function watchLoad(
  loading: boolean,
  flags: { readonly quiet?: boolean; readonly json?: boolean },
): StallWatch | undefined {
  if (!loading) return undefined;
  const watch = new StallWatch(
    (line) => process.stderr.write(`fingraph: ${line}`),
    () => performance.now(),
    {
      windowMs: progressWindowMs(),
      progressLines: flags.quiet !== true && flags.json !== true && !process.stderr.isTTY,
    },
  );
  watch.start();
  return watch;
}

/** Both callbacks, either of which may be absent. */
export function bothProgress(
  a: ((progress: Progress) => void) | undefined,
  b: ((progress: Progress) => void) | undefined,
): ((progress: Progress) => void) | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return (progress) => {
    a(progress);
    b(progress);
  };
}
