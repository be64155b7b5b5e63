import type { Client } from '@opensearch-project/opensearch';
import { SinkError } from '../../errors.js';
import {
  invalidUrlReason,
  redactUrl,
  scrubSecret,
  splitCredentials,
  withTimeout,
  type Credentials,
} from '../credentials.js';

/** How to reach an OpenSearch cluster: its URL and, if needed, credentials and TLS settings. */
export interface OpenSearchOptions {
  /** http:// or https:// endpoint, e.g. http://127.0.0.1:9200. */
  readonly url: string;
  readonly credentials?: Credentials;
  /** Verify the server certificate (https). Default true. */
  readonly rejectUnauthorized?: boolean;
  /** Per-request timeout. Default 60 s (bulk requests can be large). */
  readonly requestTimeoutMs?: number;
  /** Give up on the first contact after this long. Default 15 s. */
  readonly connectTimeoutMs?: number;
}

/** An open connection to OpenSearch, checked to answer; `client` is the OpenSearch client. */
export interface OpenSearchConnection {
  readonly url: string;
  readonly client: Client;
  readonly version: string;
  close(): Promise<void>;
}

/**
 * Creates an OpenSearch client and checks, with one real request, that the server answers and
 * is OpenSearch. Fails within the timeout with a message naming the URL and what was expected.
 */
export async function connectOpenSearch(options: OpenSearchOptions): Promise<OpenSearchConnection> {
  const split = splitCredentials(options.url);
  const url = split.url;
  const credentials = options.credentials ?? split.credentials;
  const shown = redactUrl(url);
  const invalid = invalidUrlReason(url);
  if (invalid !== undefined) throw new SinkError(`opensearch: ${shown} ${invalid}`, { url: shown });
  if (!/^https?:\/\//.test(url))
    throw new SinkError(
      `opensearch: ${shown} is not an HTTP URL (expected http://host:9200 or https://…)`,
    );
  // Loaded on first use: commands that never connect (generate to files, --help) do not pay for it.
  const { Client } = await import('@opensearch-project/opensearch');
  const client = new Client({
    node: url,
    ...(credentials
      ? { auth: { username: credentials.username, password: credentials.password } }
      : {}),
    ssl: { rejectUnauthorized: options.rejectUnauthorized ?? true },
    requestTimeout: options.requestTimeoutMs ?? 60_000,
    maxRetries: 0,
  });
  const timeoutMs = options.connectTimeoutMs ?? 15_000;
  const fail = (what: string, cause?: unknown) =>
    new SinkError(`opensearch: ${shown}: ${what}`, { url: shown }, { cause });
  try {
    const info = await withTimeout(
      client.info({}, { requestTimeout: timeoutMs }),
      timeoutMs + 1_000,
      () => fail(`no answer within ${timeoutMs / 1000} s (expected OpenSearch)`),
    );
    const version = info.body.version as { distribution?: string; number?: string } | undefined;
    if (version?.distribution !== 'opensearch') {
      throw fail(`answered, but is not OpenSearch (version: ${JSON.stringify(version ?? null)})`);
    }
    return {
      url: shown,
      client,
      version: version.number ?? 'unknown',
      close: () => client.close(),
    };
  } catch (error) {
    await client.close().catch(() => undefined);
    if (error instanceof SinkError) throw error;
    const e = error as { meta?: { statusCode?: number }; message?: string; name?: string };
    const why =
      e.meta?.statusCode === 401
        ? credentials
          ? `authentication failed (401): the server refused user ${JSON.stringify(credentials.username)} and the password given`
          : 'authentication failed (401) — the server needs credentials: set FINGRAPH_OPENSEARCH_USERNAME/PASSWORD or use --credentials-file'
        : /ECONNREFUSED/.test(e.message ?? '')
          ? 'connection refused — is OpenSearch running there? (`scripts/backends up`)'
          : e.name === 'TimeoutError'
            ? `no answer within ${timeoutMs / 1000} s (expected OpenSearch)`
            : typeof e.meta?.statusCode === 'number'
              ? `answered HTTP ${String(e.meta.statusCode)} to GET / — not OpenSearch`
              : `${e.name ?? 'error'}: ${e.message ?? String(error)} (expected OpenSearch)`;
    throw fail(scrubSecret(why, credentials), error);
  }
}
