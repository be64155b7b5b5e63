// What every measured generation run does first: tune the heap as the CLI does, so the numbers
// are the CLI's, and resolve the config from the command line. A config this build refuses prints
// {"configError": "<message>"} and exits 2, so a caller can tell "not supported" from a crash.
import { ConfigError, resolveConfig, tuneHeapForStreaming } from '../../dist/index.js';

export function benchRunConfig(overridesJson, preset) {
  tuneHeapForStreaming();
  try {
    return resolveConfig({
      preset,
      layers: [{ source: 'flag', values: JSON.parse(overridesJson) }],
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stdout.write(JSON.stringify({ configError: error.message }) + '\n');
    process.exit(2);
  }
}
