import { describe, expect, it } from 'vitest';
import { invalidUrlReason, redactUrl, scrubSecret } from '../../src/backends/credentials.js';
import { runCli } from '../helpers/cli.js';

const SECRET = 'S3cretPW';

describe('a password in a backend URL is never printed', () => {
  it.each([
    [
      'an unparsable JanusGraph port',
      ['--janusgraph', `ws://admin:${SECRET}@127.0.0.1:99999/gremlin`],
      2,
    ],
    ['a non-numeric OpenSearch port', ['--opensearch', `http://admin:${SECRET}@127.0.0.1:abc`], 2],
    [
      'a JanusGraph that refuses the connection',
      ['--janusgraph', `ws://admin:${SECRET}@127.0.0.1:9/gremlin`],
      1,
    ],
    [
      'an OpenSearch that refuses the connection',
      ['--opensearch', `http://admin:${SECRET}@127.0.0.1:9`],
      1,
    ],
    // Bad input: refused before anything is connected (exit 2).
    ['a wrong scheme', ['--opensearch', `ftp://admin:${SECRET}@127.0.0.1:9200`], 2],
  ])('%s', (_, backend, status) => {
    const result = runCli(['generate', '--preset', 'tiny', ...backend, '--json']);
    expect(result.status, result.stderr).toBe(status);
    expect(result.stderr + result.stdout).not.toContain(SECRET);
    expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
    expect(result.stderr).toMatch(/127\.0\.0\.1/);
  });

  it('redacts and scrubs what clients might echo', () => {
    expect(redactUrl(`ws://admin:${SECRET}@127.0.0.1:99999/gremlin`)).toBe(
      'ws://127.0.0.1:99999/gremlin',
    );
    expect(invalidUrlReason('ws://127.0.0.1:99999/gremlin')).toBe('has port 99999, above 65535');
    expect(invalidUrlReason('http://127.0.0.1:abc')).toBe('has an invalid port "abc"');
    expect(scrubSecret(`failed at ws://a:${SECRET}@h`, { username: 'a', password: SECRET })).toBe(
      'failed at ws://a:***@h',
    );
  });
});
