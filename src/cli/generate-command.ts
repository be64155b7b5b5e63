import { Command, Option } from 'commander';
import { OPTION_DESCRIPTORS, PRESET_NAMES } from '../config/index.js';
import { addLoadOptions } from './backend-sinks.js';
import type { GenerateFlags } from './generate-run.js';

export function generateCommand(): Command {
  const command = new Command('generate')
    .description('generate a synthetic bank into files, backends or both')
    .option('-p, --preset <name>', `preset: ${PRESET_NAMES.join(', ')}`, 'small')
    .option('-c, --config <file>', 'JSON config file (camelCase or snake_case option names)')
    .option('-o, --out <dir>', 'output directory', './output')
    .option('--overwrite', 'replace a non-empty output directory')
    .option('--json', 'print a machine-readable report to stdout')
    .option('-q, --quiet', 'no progress or summary on stderr');
  for (const d of OPTION_DESCRIPTORS) {
    if (d.type === 'boolean') {
      command.addOption(new Option(d.flag, d.description));
      command.addOption(new Option(d.flag.replace('--', '--no-'), `opposite of ${d.flag}`));
    } else {
      const short = d.name === 'seed' ? '-s, ' : d.name === 'formats' ? '-f, ' : '';
      command.addOption(
        new Option(
          `${short}${d.flag} ${d.type === 'formats' ? '<list>' : '<value>'}`,
          d.description,
        ),
      );
    }
  }
  addLoadOptions(command);
  command.addHelpText(
    'after',
    `
Examples:
  $ fingraph generate                                  # small preset into ./output as JSONL
  $ fingraph generate --preset complete --seed 7 --out data --format jsonl,parquet
  $ fingraph generate --config bank.json --transaction-count 1000000 --overwrite
  $ fingraph generate --preset tiny --json > report.json
  $ fingraph generate --preset small --janusgraph ws://127.0.0.1:8182/gremlin --opensearch http://127.0.0.1:9200
      (with a backend and no --out, nothing is written to disk)
  $ fingraph generate --preset large --workers 2                # same bytes as --workers 1, faster
  $ fingraph generate --preset large --shard 1/3 --out part-1   # part 1 (from 0) of 3; see fingraph merge`,
  );
  command.action(async (flags: GenerateFlags) => {
    // The generators, writers and clients are loaded only now: `generate --help` needs none of them.
    const { runGenerateCommand } = await import('./generate-run.js');
    await runGenerateCommand(flags, command.getOptionValueSource('out') !== 'default');
  });
  return command;
}
