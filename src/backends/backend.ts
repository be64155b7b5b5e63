import type { BackendSinkOptions, Sink } from '../sinks/sink.js';
import type { Credentials } from './credentials.js';
import type { DatasetIdentity } from './dataset.js';

/** How to reach a backend: what the connection options of every backend have in common. */
export interface EndpointOptions {
  readonly url: string;
  readonly credentials?: Credentials;
  /** Verify the server certificate (TLS). Default true. */
  readonly rejectUnauthorized?: boolean;
  /** Give up connecting after this long. */
  readonly connectTimeoutMs?: number;
}

/** Where fingraph's data lives in a backend that holds other data too. */
export interface BackendScope {
  /** Prefix of every OpenSearch index (a backend without indexes ignores it). */
  readonly indexPrefix: string;
}

/** What applying the schema did, for the CLI's report. */
export interface SchemaOutcome {
  readonly created: readonly string[];
  /** In words, e.g. `created 3 schema elements`. */
  readonly summary: string;
  /** Everything else worth reporting (JSON). */
  readonly report: Readonly<Record<string, unknown>>;
}

/** What every backend sink is opened with, whatever the backend. */
export interface SinkSettings extends BackendSinkOptions {
  /**
   * The dataset being loaded: checked against the one the backend holds (another is refused,
   * naming --clear) and recorded there before the first write.
   */
  readonly dataset?: DatasetIdentity;
  /** Delete fingraph's data there first (after the checks that refuse a second loader). */
  readonly clear?: boolean;
  /** `--with-labels`: loaded elements carry the ground-truth labels. */
  readonly withLabels?: boolean;
}

/** One backend, connected: everything a command or a test does with it goes through here. */
export interface BackendSession<Tuning, Target> {
  /** The endpoint, credentials redacted. */
  readonly url: string;
  /** Creates the schema (idempotent: what is there is left alone). */
  applySchema(): Promise<SchemaOutcome>;
  /** Deletes fingraph's data (destructive: only on an explicit request). */
  clear(signal?: AbortSignal): Promise<void>;
  /**
   * A sink ready for its first write: schema applied, dataset checked and marked, cleared when
   * `settings.clear`. Refused records follow one rule: `onDrop`, or `close` fails. Without
   * `tuning`, the backend's defaults.
   */
  openSink(settings: SinkSettings, tuning?: Tuning): Promise<Sink>;
  /** What a detection query receives for this backend. */
  readonly detection: Target;
  close(): Promise<void>;
}

/**
 * A backend fingraph loads and queries. Each lives in its own folder under `src/backends/` and
 * exports one object of this shape; `BACKENDS` (src/backends/index.ts) lists them by kind.
 */
export interface Backend<Options extends EndpointOptions, Tuning, Target> {
  /** The name in words, e.g. `JanusGraph`. */
  readonly title: string;
  /** URL forms its endpoint takes, e.g. ws: and wss:, and an example. */
  readonly protocols: readonly string[];
  readonly example: string;
  /** Connects and checks that the server is this backend; fails within the timeout. */
  connect(options: Options, scope: BackendScope): Promise<BackendSession<Tuning, Target>>;
}
