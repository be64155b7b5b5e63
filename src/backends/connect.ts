import type { Sink } from '../sinks/sink.js';
import type { BackendScope, BackendSession, SinkSettings } from './backend.js';
import {
  BACKEND_KINDS,
  BACKENDS,
  type BackendEndpoints,
  type BackendKind,
  type DetectionTargets,
  type OptionsOf,
  type TargetOf,
  type TuningOf,
} from './table.js';

/** The sessions of every backend given, by kind. */
export type BackendSessions = {
  readonly [K in BackendKind]?: BackendSession<TuningOf<K>, TargetOf<K>>;
};

/** The backends a command connected to: one session per kind given, and what detection gets. */
export interface ConnectedBackends {
  /** The kinds connected, in table order. */
  readonly kinds: readonly BackendKind[];
  readonly sessions: BackendSessions;
  /** Each session's detection target, by kind: the backends part of a DetectionContext. */
  readonly targets: DetectionTargets;
  /** Closes every session (the data stays). */
  close(): Promise<void>;
}

async function connectOne<K extends BackendKind>(
  kind: K,
  options: OptionsOf<K>,
  scope: BackendScope,
): Promise<BackendSession<TuningOf<K>, TargetOf<K>>> {
  return BACKENDS[kind].connect(options, scope);
}

/**
 * Connects to every backend `endpoints` names, in table order. When one fails, the ones already
 * connected are closed before the error is thrown.
 */
export async function connectBackends(
  endpoints: BackendEndpoints,
  scope: BackendScope,
): Promise<ConnectedBackends> {
  const sessions: BackendSessions = {};
  const targets: DetectionTargets = {};
  const kinds: BackendKind[] = [];
  const opened: BackendSession<unknown, unknown>[] = [];
  const close = async () => {
    await Promise.allSettled(opened.map((session) => session.close()));
  };
  try {
    for (const kind of BACKEND_KINDS) {
      const options = endpoints[kind];
      if (options === undefined) continue;
      const session = await connectOne(kind, options, scope);
      kinds.push(kind);
      opened.push(session);
      // The compiler cannot follow `kind` into the mapped types: this is the kind's own session.
      Object.assign(sessions, { [kind]: session });
      Object.assign(targets, { [kind]: session.detection });
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { kinds, sessions, targets, close };
}

/** Opens the sink of a connected backend, with its tuning (the defaults when none is given). */
export async function openSink<K extends BackendKind>(
  sessions: BackendSessions,
  kind: K,
  settings: SinkSettings,
  tuning?: TuningOf<K>,
): Promise<Sink> {
  const session = sessions[kind];
  if (session === undefined) throw new Error(`${BACKENDS[kind].title}: not connected`);
  return session.openSink(settings, tuning);
}
