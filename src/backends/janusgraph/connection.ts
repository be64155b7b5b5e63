import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { SinkError } from '../../errors.js';
import {
  invalidUrlReason,
  redactUrl,
  scrubSecret,
  splitCredentials,
  withTimeout,
  type Credentials,
} from '../credentials.js';

/**
 * How to reach a JanusGraph server: its Gremlin URL and, if needed, credentials and TLS settings.
 */
export interface JanusGraphOptions {
  /** ws:// or wss:// Gremlin endpoint, e.g. ws://127.0.0.1:8182/gremlin. */
  readonly url: string;
  readonly credentials?: Credentials;
  /** Verify the server certificate (wss). Default true. */
  readonly rejectUnauthorized?: boolean;
  /** Give up connecting after this long. Default 15 s. */
  readonly connectTimeoutMs?: number;
}

/** The narrow part of the Gremlin client fingraph uses, so tests can hand in a fake. */
export interface GremlinClient {
  submit(script: string, bindings?: Record<string, unknown>): Promise<{ toArray(): unknown[] }>;
  close(): Promise<void>;
}

/** An open connection to a JanusGraph server, checked to be JanusGraph. */
export interface JanusGraphConnection {
  readonly url: string;
  readonly client: GremlinClient;
  close(): Promise<void>;
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  if (e.code === 'ECONNREFUSED')
    return 'connection refused — is JanusGraph running there? (`scripts/backends up`)';
  if (e.code === 'ENOTFOUND') return 'host not found';
  if (/Unexpected server response: (\d+)/.exec(e.message ?? ''))
    return `the server answered HTTP instead of a Gremlin WebSocket (${e.message ?? ''}) — wrong port or path?`;
  return e.message ?? String(error);
}

/**
 * Opens a Gremlin client (GraphSON 3, which reads JanusGraph's edge ids; GraphBinary in the JS
 * driver does not) and checks that the server really is JanusGraph. Fails within the timeout with
 * a message naming the URL and what was expected.
 */
export async function connectJanusGraph(options: JanusGraphOptions): Promise<JanusGraphConnection> {
  const split = splitCredentials(options.url);
  const url = split.url;
  const credentials = options.credentials ?? split.credentials;
  const shown = redactUrl(url);
  const invalid = invalidUrlReason(url);
  if (invalid !== undefined) throw new SinkError(`janusgraph: ${shown} ${invalid}`, { url: shown });
  if (!/^wss?:\/\//.test(url)) {
    throw new SinkError(
      `janusgraph: ${shown} is not a Gremlin WebSocket URL (expected ws://host:8182/gremlin or wss://…)`,
    );
  }
  const timeoutMs = options.connectTimeoutMs ?? 15_000;
  // Loaded on first use: commands that never connect (generate to files, --help) do not pay for it.
  const { default: gremlin } = await import('gremlin');
  // An agent of its own, so a server that accepted the TCP connection but never answered the
  // WebSocket upgrade can be cut off: the driver's close() does nothing before the socket opened,
  // and the pending upgrade would keep the process alive until the server hangs up.
  const agent = url.startsWith('wss://') ? new HttpsAgent() : new HttpAgent();
  const client = new gremlin.driver.Client(url, {
    traversalSource: 'g',
    rejectUnauthorized: options.rejectUnauthorized ?? true,
    agent,
    ...(credentials
      ? {
          authenticator: new gremlin.driver.auth.PlainTextSaslAuthenticator(
            credentials.username,
            credentials.password,
          ),
        }
      : {}),
  });
  const fail = (what: string, cause?: unknown) =>
    new SinkError(`janusgraph: ${shown}: ${what}`, { url: shown }, { cause });
  try {
    await withTimeout(client.open(), timeoutMs, () =>
      fail(`no answer within ${timeoutMs / 1000} s (expected a Gremlin server)`),
    );
    const submitted = client.submit('graph.getClass().getName()') as Promise<{
      toArray(): unknown[];
    }>;
    const result = await withTimeout(submitted, timeoutMs, () =>
      fail(`no answer to a Gremlin request within ${timeoutMs / 1000} s`),
    );
    const graphClass = String(result.toArray()[0]);
    if (!graphClass.includes('JanusGraph'))
      throw fail(`is a Gremlin server but its graph is ${graphClass}, not JanusGraph`);
  } catch (error) {
    await client.close().catch(() => undefined);
    agent.destroy();
    if (error instanceof SinkError) throw error;
    throw fail(scrubSecret(describe(error), credentials), error);
  }
  return { url: shown, client: client as unknown as GremlinClient, close: () => client.close() };
}
