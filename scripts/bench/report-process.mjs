// Child processes and backends for scripts/bench/report.mjs: every measurement runs in a process
// of its own; backends are probed with the same connect calls the loaders use, and started or
// stopped only on request and only when this run started them.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Runs `node scripts/bench/<script> ...args`; its stderr (progress) streams through to ours and
 * its last lines are kept for the report when it fails. Never rejects: the caller decides.
 */
export function runBench(script, args, { env } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [here + script, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk).slice(-8_000);
    });
    child.on('error', (error) => resolve({ code: -1, stdout, stderr: String(error) }));
    child.on('close', (code, signal) => resolve({ code: code ?? signal, stdout, stderr }));
  });
}

/** The last line of a child's stdout as JSON, or null. */
export function lastJsonLine(text) {
  const line = text.trim().split('\n').at(-1);
  if (!line) return null;
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}

/** The most telling line of a failed child's stderr: its error message, else its last line. */
export function failureOf(result) {
  const lines = result.stderr.split('\n').map((l) => l.trim());
  const error = lines.find((l) => /^([A-Z]\w*Error|Error)\b/.test(l));
  return error ?? lines.filter(Boolean).at(-1) ?? `exit code ${result.code}`;
}

/** Default URLs: the env var, else the port `scripts/backends` uses (same env names). */
export function backendUrls() {
  return {
    janusgraph:
      process.env.JANUSGRAPH_URL ??
      `ws://127.0.0.1:${process.env.JANUSGRAPH_PORT ?? '8182'}/gremlin`,
    opensearch:
      process.env.OPENSEARCH_URL ?? `http://127.0.0.1:${process.env.OPENSEARCH_PORT ?? '9200'}`,
  };
}

/** null when the backend answers as itself at `url`, else why not. */
export async function probe(backend, url) {
  const dist = (path) => import(new URL(`../../dist/${path}`, import.meta.url).href);
  try {
    if (backend === 'janusgraph') {
      const { connectJanusGraph } = await dist('backends/janusgraph/connection.js');
      const c = await connectJanusGraph({ url, connectTimeoutMs: 10_000 });
      await c.close();
    } else {
      const { connectOpenSearch } = await dist('backends/opensearch/connection.js');
      const c = await connectOpenSearch({ url });
      await c.close();
    }
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** `scripts/backends <command> <backend>`, its output on our stderr; true on exit status 0. */
export function backends(command, backend) {
  const result = spawnSync(root + 'scripts/backends', [command, backend], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  return result.status === 0;
}
