import { ConfigError } from '../errors.js';
import { OutputDirectoryError } from '../output/output-directory.js';
// Its own module, light to import: this file is loaded by every command, --version included.
import { LabelsUnknownError } from '../orchestration/labels-unknown-error.js';

/**
 * Restates an error the library raised in terms of its own options (`outDir`, `overwrite`,
 * `withLabels`) in terms of the flags a CLI user typed (`--out`, `--overwrite`, `--with-labels`).
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
  if (error instanceof LabelsUnknownError)
    return new ConfigError(
      '--with-labels',
      error.from,
      error.shardPart > 0
        ? `is part ${error.shardPart} of a sharded run, whose ground truth is in part 0: generate the shards with --with-labels`
        : 'has no ground truth (generated with --no-include-ground-truth): generate it with --with-labels, or without --no-include-ground-truth',
      { cause: error },
    );
  return error;
}
