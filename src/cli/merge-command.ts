import { Command } from 'commander';
import { mergeShards } from '../orchestration/merge-shards.js';
import { checkOutputDirectory } from './input-directory.js';
import { interruptible } from './interruptible.js';

interface MergeFlags {
  out: string;
  overwrite?: boolean;
  json?: boolean;
  quiet?: boolean;
}

export function mergeCommand(): Command {
  return new Command('merge')
    .description(
      'merge the output directories of `generate --shard I/N` into the unsharded output, byte for byte',
    )
    .argument('<shard-dirs...>', 'the N shard directories, in any order')
    .requiredOption('-o, --out <dir>', 'output directory for the merged dataset')
    .option('--overwrite', 'replace a non-empty output directory')
    .option('--json', 'print a machine-readable report to stdout')
    .option('-q, --quiet', 'no summary on stderr')
    .addHelpText(
      'after',
      `
Each file of the result holds the records of shard 0's file, then shard 1's, and so on — the order
the unsharded run writes them in. The shards are checked against their manifests first, and must
come from one run: same version, seed and config, parts 0 … N-1 of N.

Examples:
  $ for i in 0 1 2; do fingraph generate --preset large --seed 7 --shard $i/3 --out part-$i & done; wait
  $ fingraph merge --out whole part-0 part-1 part-2`,
    )
    .action(async (shards: string[], flags: MergeFlags) => {
      for (const shard of shards) await checkOutputDirectory('shard', shard);
      const report = await interruptible(false, ({ signal }) =>
        mergeShards({ shards, outDir: flags.out, overwrite: flags.overwrite, signal }),
      );
      if (flags.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else if (!flags.quiet)
        process.stderr.write(
          `fingraph: merged ${shards.length} shards, ${report.totalRecords.toLocaleString('en-US')} records, into ${report.outDir}\n`,
        );
    });
}
