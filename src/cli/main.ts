#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError, FingraphError, SchemaError } from '../errors.js';
import { VERSION } from '../version.js';
import { auditCommand } from './audit-command.js';
import { detectCommand } from './detect-command.js';
import { generateCommand } from './generate-command.js';
import { loadCommand } from './load-command.js';
import { mergeCommand } from './merge-command.js';
import { schemaCommand } from './schema-command.js';
import { printVerification } from './verification-table.js';
import { VerificationError } from '../orchestration/verify-sinks.js';
import { tuneHeapForStreaming } from '../orchestration/heap-tuning.js';

/** Exit codes: 0 success, 1 failure while running, 2 bad input (flags, config), 130 interrupted. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

async function main(argv: string[]): Promise<number> {
  // Commander's usage errors become one line: "fingraph: unknown option '--x' (Did you mean --y?)".
  const output = {
    writeErr: (text: string) =>
      process.stderr.write(`fingraph: ${text.replace(/^error: /, '').replace(/\n(?=.)/g, ' ')}`),
  };
  const program = new Command('fingraph')
    .description('Synthetic bank with hidden financial crimes and exact ground truth')
    .version(VERSION)
    .exitOverride()
    .configureOutput(output);
  for (const command of [
    generateCommand(),
    loadCommand(),
    mergeCommand(),
    schemaCommand(),
    detectCommand(),
    auditCommand(),
  ])
    program.addCommand(command.exitOverride().configureOutput(output));
  try {
    await program.parseAsync(argv);
    // A command may have set a failure code (elements refused by a backend) without throwing.
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof ConfigError || error instanceof SchemaError) {
      process.stderr.write(`fingraph: ${error.message}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof Error && error.message === 'interrupted') {
      process.stderr.write('fingraph: interrupted; no output was kept\n');
      return 130;
    }
    if (error instanceof VerificationError) printVerification(error.rows, error.partial);
    const message =
      error instanceof FingraphError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`fingraph: ${message}\n`);
    return EXIT_FAILURE;
  }
}

tuneHeapForStreaming();
process.exitCode = await main(process.argv);
