import type { BackendKind, DetectionTargets } from '../backends/index.js';

/**
 * What a detection query may use: the loaded backends (each backend's detection target, by kind:
 * `janusgraph` the Gremlin connection, `opensearch` the connection and the index prefix) and the
 * period the data covers. Never the ground truth: a query that could read the answers would test
 * nothing.
 */
export interface DetectionContext extends DetectionTargets {
  /** End of the simulated period, epoch ms (what "now" is for the data). */
  readonly referenceMs: number;
  /** Start of the event window, epoch ms. */
  readonly windowStartMs: number;
}

/** One finding: what an analyst would open a case about. */
export interface Hit {
  /** The typology the detector looks for. */
  readonly typology: string;
  /** Business ids of the entities involved (accounts, persons, companies, devices). */
  readonly entities: readonly string[];
  /** Business ids of the events that make the finding (transfers, trades, messages, logins…). */
  readonly events: readonly string[];
  /** Why it was flagged, in words (shown in reports). */
  readonly explanation: string;
}

/**
 * A detection query written the way an analyst would write it against the loaded data, for one
 * typology (all its subtypes, or the ones listed).
 */
export interface Detector {
  /** Unique, kebab-case, e.g. `cycle-gremlin`. */
  readonly name: string;
  readonly typology: string;
  /** Subtypes it is meant to find; all of the typology's when absent. */
  readonly subtypes?: readonly string[];
  readonly backend: BackendKind;
  /** The rule in one sentence, for reports. */
  readonly description: string;
  run(ctx: DetectionContext): Promise<readonly Hit[]>;
}
