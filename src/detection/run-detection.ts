import { performance } from 'node:perf_hooks';
import { BACKENDS } from '../backends/index.js';
import type { DetectionContext, Detector, Hit } from './detector.js';

/** What became of one detector in a run. */
export type DetectorOutcome =
  | {
      readonly status: 'ok';
      readonly detector: string;
      readonly typology: string;
      readonly backend: Detector['backend'];
      readonly description: string;
      readonly hits: readonly Hit[];
      readonly timeMs: number;
    }
  | {
      readonly status: 'skipped';
      readonly detector: string;
      readonly typology: string;
      readonly backend: Detector['backend'];
      readonly description: string;
      /** Why it did not run (e.g. its backend was not given). */
      readonly reason: string;
    }
  | {
      readonly status: 'failed';
      readonly detector: string;
      readonly typology: string;
      readonly backend: Detector['backend'];
      readonly description: string;
      /** The error, in words. */
      readonly error: string;
      readonly timeMs: number;
    };

/** Every detector's outcome, and all hits together. */
export interface DetectionRun {
  readonly outcomes: readonly DetectorOutcome[];
  readonly hits: readonly Hit[];
  /** Time per typology over the detectors that ran (ok or failed), ms. */
  readonly queryTimeMs: Readonly<Record<string, number>>;
  /** Detectors that failed: a run with any is not a clean measurement. */
  readonly failed: number;
  readonly skipped: number;
}

/** Options of {@link runDetection}: which detectors to run, against which backends. */
export interface RunDetectionOptions {
  /** Monotonic milliseconds (tests). */
  readonly clock?: () => number;
  /** Called as each detector finishes (progress). */
  readonly onOutcome?: (outcome: DetectorOutcome) => void;
}

function unavailable(detector: Detector, ctx: DetectionContext): string | null {
  const kind = detector.backend;
  if (ctx[kind] === undefined) return `no ${BACKENDS[kind].title} connection given (--${kind})`;
  return null;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * Runs detectors one after another against the loaded backends: each whose backend is in the
 * context runs and is timed; one without its backend is skipped with the reason recorded; one
 * that throws is recorded as failed with its error, and the others still run. Hits whose
 * typology differs from the detector's are kept under the detector's typology.
 */
export async function runDetection(
  detectors: readonly Detector[],
  ctx: DetectionContext,
  options: RunDetectionOptions = {},
): Promise<DetectionRun> {
  const clock = options.clock ?? (() => performance.now());
  const outcomes: DetectorOutcome[] = [];
  const hits: Hit[] = [];
  const queryTimeMs: Record<string, number> = {};
  for (const detector of detectors) {
    const base = {
      detector: detector.name,
      typology: detector.typology,
      backend: detector.backend,
      description: detector.description,
    };
    const reason = unavailable(detector, ctx);
    let outcome: DetectorOutcome;
    if (reason !== null) {
      outcome = { ...base, status: 'skipped', reason };
    } else {
      const started = clock();
      try {
        const found = await detector.run(ctx);
        const timeMs = clock() - started;
        const own = found.map((hit) =>
          hit.typology === detector.typology ? hit : { ...hit, typology: detector.typology },
        );
        hits.push(...own);
        outcome = { ...base, status: 'ok', hits: own, timeMs };
      } catch (error) {
        outcome = {
          ...base,
          status: 'failed',
          error: describeError(error),
          timeMs: clock() - started,
        };
      }
      queryTimeMs[detector.typology] = (queryTimeMs[detector.typology] ?? 0) + outcome.timeMs;
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }
  return {
    outcomes,
    hits,
    queryTimeMs,
    failed: outcomes.filter((o) => o.status === 'failed').length,
    skipped: outcomes.filter((o) => o.status === 'skipped').length,
  };
}
