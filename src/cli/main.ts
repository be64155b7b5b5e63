#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { ConfigError, FingraphError, SchemaError } from '../errors.js';
import { tuneHeapForStreaming } from '../orchestration/heap-tuning.js';
// The staging module alone: output/index.js would load zod and the writers at start-up (--help).
import { discardPendingStagingSync } from '../output/output-directory.js';
import { VERSION } from '../version.js';
import { COMMANDS } from './command-table.js';
import { EXIT } from './exit-codes.js';
import { inCliTerms } from './library-errors.js';

/**
 * Commander's usage errors become one line: "fingraph: unknown option '--x' (Did you mean --y?)".
 * Help (asked for, or shown because a command is missing) is printed as commander formats it.
 */
const output = {
  writeErr: (text: string) => {
    if (text.startsWith('error: '))
      process.stderr.write(`fingraph: ${text.slice('error: '.length).replace(/\n(?=.)/g, ' ')}`);
    else process.stderr.write(text);
  },
};

/** Usage errors of every command and subcommand (`schema print`…) go through `main`'s exit codes. */
function configure(command: Command): Command {
  command.exitOverride().configureOutput(output);
  for (const sub of command.commands) configure(sub);
  return command;
}

/** The command the arguments name (`fingraph generate …`, `fingraph help generate`), if any. */
function requestedCommand(args: readonly string[]): string | undefined {
  const [first, second] = args.filter((arg) => !arg.startsWith('-'));
  return first === 'help' ? second : first;
}

async function buildProgram(args: readonly string[]): Promise<Command> {
  const program = new Command('fingraph')
    .description('Synthetic bank with hidden financial crimes and exact ground truth')
    .version(VERSION);
  const requested = requestedCommand(args);
  for (const entry of COMMANDS) {
    // Only the command that runs is loaded; the others are listed by name for the help.
    program.addCommand(
      entry.name === requested
        ? await entry.load()
        : new Command(entry.name).description(entry.description),
    );
  }
  return configure(program);
}

async function main(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv.slice(2));
    await program.parseAsync(argv);
    // A command may have set a failure code (elements refused by a backend) without throwing.
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (thrown) {
    const error = inCliTerms(thrown);
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof ConfigError || error instanceof SchemaError) {
      process.stderr.write(`fingraph: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof Error && error.message === 'interrupted') {
      process.stderr.write('fingraph: interrupted; no output was kept\n');
      return EXIT.interrupted;
    }
    if (error instanceof FingraphError && error.name === 'VerificationError') {
      const { printVerification } = await import('./verification-table.js');
      const { VerificationError } = await import('../orchestration/verify-sinks.js');
      if (error instanceof VerificationError) printVerification(error.rows, error.partial);
    }
    const message =
      error instanceof FingraphError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`fingraph: ${message}\n`);
    return EXIT.failure;
  }
}

tuneHeapForStreaming();
// Whatever ends the process, a run's staging directory does not outlive it.
process.on('exit', discardPendingStagingSync);
process.exitCode = await main(process.argv);
