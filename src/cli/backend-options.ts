import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { ConfigError } from '../errors.js';
import {
  BACKEND_KINDS,
  invalidUrlReason,
  redactUrl,
  type BackendEndpoints,
  type BackendKind,
  type Credentials,
} from '../backends/index.js';
import { checkBackendUrl } from './backend-urls.js';

/** The endpoint flag of every backend (`--janusgraph <url>`, …), one per kind. */
export type BackendUrlFlags = { [K in BackendKind]?: string };

export interface BackendFlags extends BackendUrlFlags {
  indexPrefix: string;
  insecure?: boolean;
  credentialsFile?: string;
}

/** What each backend's endpoint flag says beyond its example URL. */
const ENDPOINT_HELP: { readonly [K in BackendKind]: string } = {
  janusgraph: 'JanusGraph Gremlin endpoint, e.g. ws://127.0.0.1:8182/gremlin (wss:// for TLS)',
  opensearch: 'OpenSearch endpoint, e.g. http://127.0.0.1:9200 (https:// for TLS)',
};

/** Adds one endpoint flag per backend, --index-prefix, --insecure and --credentials-file. */
export function addBackendOptions(command: Command): Command {
  for (const kind of BACKEND_KINDS)
    command.addOption(new Option(`--${kind} <url>`, ENDPOINT_HELP[kind]));
  return command
    .addOption(
      new Option('--index-prefix <prefix>', 'prefix of every OpenSearch index').default(
        'fingraph-',
      ),
    )
    .addOption(
      new Option('--insecure', 'do not verify TLS certificates (self-signed development clusters)'),
    )
    .addOption(
      new Option(
        '--credentials-file <file>',
        'JSON file {"janusgraph": {"username", "password"}, "opensearch": {...}}; otherwise FINGRAPH_JANUSGRAPH_USERNAME/PASSWORD and FINGRAPH_OPENSEARCH_USERNAME/PASSWORD',
      ),
    );
}

/** The backends named (a flag or options given), in table order. */
export function namedBackends(named: { readonly [K in BackendKind]?: unknown }): BackendKind[] {
  return BACKEND_KINDS.filter((kind) => named[kind] !== undefined);
}

function fromEnvironment(kind: BackendKind): Credentials | undefined {
  const prefix = `FINGRAPH_${kind.toUpperCase()}`;
  const username = process.env[`${prefix}_USERNAME`];
  const password = process.env[`${prefix}_PASSWORD`];
  return username !== undefined && password !== undefined ? { username, password } : undefined;
}

async function fromFile(path: string): Promise<Record<string, Credentials | undefined>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      '--credentials-file',
      path,
      `cannot be read as JSON (${(error as Error).message})`,
    );
  }
  return parsed as Record<string, Credentials | undefined>;
}

/** Connection options for the backends the flags name; credentials never come from the command line itself. */
export async function backendOptions(flags: BackendFlags): Promise<BackendEndpoints> {
  // Before any client sees a URL: clients quote a bad one, password included, in their errors.
  for (const kind of BACKEND_KINDS) {
    const url = flags[kind];
    const invalid = url === undefined ? undefined : invalidUrlReason(url);
    if (invalid !== undefined) throw new ConfigError(`--${kind}`, redactUrl(url ?? ''), invalid);
  }
  // And of the right kind for its backend (ws:// for Gremlin, http:// for OpenSearch).
  for (const kind of namedBackends(flags)) checkBackendUrl(kind, flags[kind] ?? '');
  const file = flags.credentialsFile ? await fromFile(flags.credentialsFile) : {};
  const rejectUnauthorized = flags.insecure !== true;
  const endpoints: { [K in BackendKind]?: BackendEndpoints[K] } = {};
  for (const kind of namedBackends(flags)) {
    endpoints[kind] = {
      url: flags[kind] ?? '',
      rejectUnauthorized,
      credentials: file[kind] ?? fromEnvironment(kind),
    };
  }
  return endpoints;
}
