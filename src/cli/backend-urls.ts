import { ConfigError } from '../errors.js';
import { redactUrl } from '../sinks/credentials.js';

/** The URL forms each backend flag takes. */
const SCHEMES = {
  '--janusgraph': { protocols: ['ws:', 'wss:'], example: 'ws://127.0.0.1:8182/gremlin' },
  '--opensearch': { protocols: ['http:', 'https:'], example: 'http://127.0.0.1:9200' },
} as const;

/**
 * Checks the form of a backend URL before anything is written or connected: bad input, so the
 * CLI refuses it with exit code 2. Whether a server answers there is found out at run time.
 */
export function checkBackendUrl(flag: keyof typeof SCHEMES, url: string): void {
  const { protocols, example } = SCHEMES[flag];
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (
    parsed === undefined ||
    !(protocols as readonly string[]).includes(parsed.protocol) ||
    parsed.hostname === ''
  ) {
    // Credentials in a URL are never echoed, parsable or not.
    const shown = redactUrl(url);
    throw new ConfigError(
      flag,
      shown,
      `is not a ${protocols.map((p) => p.slice(0, -1)).join('/')} URL, e.g. ${example}`,
    );
  }
}
