import { ConfigError } from '../errors.js';
import { OutputDirectoryError } from '../output/output-directory.js';

/**
 * Restates an error the library raised in terms of its own options (`outDir`, `overwrite`) in
 * terms of the flags a CLI user typed (`--out`, `--overwrite`).
 */
export function inCliTerms(error: unknown): unknown {
  if (error instanceof OutputDirectoryError)
    return new ConfigError(
      '--out',
      error.target,
      error.problem === 'not-empty'
        ? 'is a non-empty directory; pass --overwrite to replace it'
        : 'exists and is not a directory',
      { cause: error },
    );
  return error;
}
