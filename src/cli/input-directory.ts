import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../errors.js';
import { MANIFEST_FILE } from '../output/index.js';

/**
 * Checks that `dir` (given with `flag`) is the output directory of a `fingraph generate`: it
 * exists, is a directory and holds a manifest.json. A missing or wrong directory is bad input.
 */
export async function checkOutputDirectory(flag: string, dir: string): Promise<void> {
  const found = await stat(dir).catch(() => undefined);
  if (found === undefined) throw new ConfigError(flag, dir, 'does not exist');
  if (!found.isDirectory()) throw new ConfigError(flag, dir, 'is not a directory');
  const manifest = await stat(join(dir, MANIFEST_FILE)).catch(() => undefined);
  if (manifest === undefined)
    throw new ConfigError(
      flag,
      dir,
      `holds no ${MANIFEST_FILE}: give the output directory of a fingraph generate run`,
    );
}
