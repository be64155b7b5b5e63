import { ConfigError } from '../errors.js';
import { BACKEND_KINDS, BACKENDS, redactUrl, type BackendKind } from '../backends/index.js';

/**
 * Checks the form of a backend URL before anything is written or connected: bad input, so the
 * CLI refuses it with exit code 2. Whether a server answers there is found out at run time.
 */
export function checkBackendUrl(kind: BackendKind, url: string): void {
  const { protocols, example } = BACKENDS[kind];
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || !protocols.includes(parsed.protocol) || parsed.hostname === '') {
    // Credentials in a URL are never echoed, parsable or not.
    const shown = redactUrl(url);
    throw new ConfigError(
      `--${kind}`,
      shown,
      `is not a ${protocols.map((p) => p.slice(0, -1)).join('/')} URL, e.g. ${example}`,
    );
  }
}

/** Checks the URL of every backend flag given. */
export function checkBackendUrls(flags: { readonly [K in BackendKind]?: string }): void {
  for (const kind of BACKEND_KINDS) {
    const url = flags[kind];
    if (url !== undefined) checkBackendUrl(kind, url);
  }
}
