import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import { ConfigError } from '../errors.js';
import { invalidUrlReason, redactUrl, type Credentials } from '../sinks/credentials.js';
import type { JanusGraphOptions } from '../sinks/janusgraph/connection.js';
import type { OpenSearchOptions } from '../sinks/opensearch/connection.js';
import { checkBackendUrl } from './backend-urls.js';

export interface BackendFlags {
  janusgraph?: string;
  opensearch?: string;
  indexPrefix: string;
  insecure?: boolean;
  credentialsFile?: string;
}

/** Adds --janusgraph, --opensearch, --index-prefix, --insecure and --credentials-file. */
export function addBackendOptions(command: Command): Command {
  return command
    .addOption(
      new Option(
        '--janusgraph <url>',
        'JanusGraph Gremlin endpoint, e.g. ws://127.0.0.1:8182/gremlin (wss:// for TLS)',
      ),
    )
    .addOption(
      new Option(
        '--opensearch <url>',
        'OpenSearch endpoint, e.g. http://127.0.0.1:9200 (https:// for TLS)',
      ),
    )
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

function fromEnvironment(prefix: string): Credentials | undefined {
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
export async function backendOptions(
  flags: BackendFlags,
): Promise<{ janusgraph?: JanusGraphOptions; opensearch?: OpenSearchOptions }> {
  // Before any client sees a URL: clients quote a bad one, password included, in their errors.
  for (const [flag, url] of [
    ['--janusgraph', flags.janusgraph],
    ['--opensearch', flags.opensearch],
  ] as const) {
    const invalid = url === undefined ? undefined : invalidUrlReason(url);
    if (invalid !== undefined) throw new ConfigError(flag, redactUrl(url ?? ''), invalid);
  }
  // And of the right kind for its backend (ws:// for Gremlin, http:// for OpenSearch).
  if (flags.janusgraph !== undefined) checkBackendUrl('--janusgraph', flags.janusgraph);
  if (flags.opensearch !== undefined) checkBackendUrl('--opensearch', flags.opensearch);
  const file = flags.credentialsFile ? await fromFile(flags.credentialsFile) : {};
  const rejectUnauthorized = flags.insecure !== true;
  return {
    ...(flags.janusgraph
      ? {
          janusgraph: {
            url: flags.janusgraph,
            rejectUnauthorized,
            credentials: file['janusgraph'] ?? fromEnvironment('FINGRAPH_JANUSGRAPH'),
          },
        }
      : {}),
    ...(flags.opensearch
      ? {
          opensearch: {
            url: flags.opensearch,
            rejectUnauthorized,
            credentials: file['opensearch'] ?? fromEnvironment('FINGRAPH_OPENSEARCH'),
          },
        }
      : {}),
  };
}
