import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

/**
 * Finds or starts the real backends, in this order:
 *   1. JANUSGRAPH_URL and OPENSEARCH_URL, when both are set;
 *   2. testcontainers, when a Docker engine answers;
 *   3. scripts/backends, which runs both servers as local JVMs from Maven Central.
 * If none works the run fails, saying why each was not possible: integration tests never skip.
 * Backends this setup started are stopped at the end; ones that were already running are left.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    janusgraphUrl: string;
    opensearchUrl: string;
  }
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BACKENDS = `${ROOT}scripts/backends`;

function dockerAnswers(): boolean {
  const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return result.status === 0 && result.stdout.trim() !== '';
}

async function startContainers(): Promise<{
  janusgraph: string;
  opensearch: string;
  stop: () => Promise<void>;
}> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const [janusgraph, opensearch] = await Promise.all([
    new GenericContainer('janusgraph/janusgraph:1.1.0')
      .withEnvironment({
        JANUS_PROPS_TEMPLATE: 'inmemory',
        'janusgraph.graph.set-vertex-id': 'true',
        'janusgraph.graph.allow-custom-vid-types': 'true',
        'janusgraph.schema.default': 'none',
        'gremlinserver.maxContentLength': '67108864',
      })
      .withExposedPorts(8182)
      .withWaitStrategy(Wait.forLogMessage(/Channel started at port 8182/))
      .withStartupTimeout(240_000)
      .start(),
    new GenericContainer('opensearchproject/opensearch:2.19.2')
      .withEnvironment({
        'discovery.type': 'single-node',
        DISABLE_SECURITY_PLUGIN: 'true',
        DISABLE_INSTALL_DEMO_CONFIG: 'true',
        OPENSEARCH_JAVA_OPTS: '-Xms1g -Xmx1g',
      })
      .withExposedPorts(9200)
      .withWaitStrategy(Wait.forHttp('/_cluster/health', 9200).forStatusCode(200))
      .withStartupTimeout(240_000)
      .start(),
  ]);
  return {
    janusgraph: `ws://${janusgraph.getHost()}:${janusgraph.getMappedPort(8182)}/gremlin`,
    opensearch: `http://${opensearch.getHost()}:${opensearch.getMappedPort(9200)}`,
    stop: async () => {
      await Promise.allSettled([janusgraph.stop(), opensearch.stop()]);
    },
  };
}

function startLocal(): { janusgraph: string; opensearch: string; stop: () => Promise<void> } {
  const alreadyUp =
    spawnSync(BACKENDS, ['status'], {
      encoding: 'utf8',
      env: { ...process.env, FINGRAPH_BACKENDS_MODE: 'local' },
    }).status === 0;
  execFileSync(BACKENDS, ['up'], {
    stdio: 'inherit',
    env: { ...process.env, FINGRAPH_BACKENDS_MODE: 'local' },
    timeout: 600_000,
  });
  return {
    janusgraph: `ws://127.0.0.1:${process.env['JANUSGRAPH_PORT'] ?? '8182'}/gremlin`,
    opensearch: `http://127.0.0.1:${process.env['OPENSEARCH_PORT'] ?? '9200'}`,
    stop: async () => {
      if (!alreadyUp)
        execFileSync(BACKENDS, ['down'], {
          stdio: 'inherit',
          env: { ...process.env, FINGRAPH_BACKENDS_MODE: 'local' },
        });
      return Promise.resolve();
    },
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = {
    janusgraph: process.env['JANUSGRAPH_URL'],
    opensearch: process.env['OPENSEARCH_URL'],
  };
  const attempts: string[] = [];
  let backends: { janusgraph: string; opensearch: string; stop: () => Promise<void> } | undefined;
  if (given.janusgraph && given.opensearch) {
    backends = {
      janusgraph: given.janusgraph,
      opensearch: given.opensearch,
      stop: () => Promise.resolve(),
    };
  } else {
    attempts.push('JANUSGRAPH_URL and OPENSEARCH_URL are not both set');
    if (dockerAnswers()) {
      try {
        backends = await startContainers();
      } catch (error) {
        attempts.push(`testcontainers failed: ${(error as Error).message}`);
      }
    } else {
      attempts.push('no Docker engine answers `docker info`');
    }
    if (!backends) {
      try {
        backends = startLocal();
      } catch (error) {
        attempts.push(`scripts/backends up failed: ${(error as Error).message}`);
      }
    }
  }
  if (!backends) {
    throw new Error(
      `integration tests need JanusGraph and OpenSearch, and none could be had:\n  - ${attempts.join('\n  - ')}\nInstall Java 17 + Maven (for scripts/backends) or Docker, or set JANUSGRAPH_URL and OPENSEARCH_URL.`,
    );
  }
  process.stderr.write(`integration backends: ${backends.janusgraph}, ${backends.opensearch}\n`);
  project.provide('janusgraphUrl', backends.janusgraph);
  project.provide('opensearchUrl', backends.opensearch);
  return backends.stop;
}
