import type { Command } from 'commander';

/** A subcommand as the top-level help lists it, and how to load its full definition. */
export interface CommandEntry {
  readonly name: string;
  /** The command's own description (a unit test keeps the two equal). */
  readonly description: string;
  readonly load: () => Promise<Command>;
}

/**
 * Every subcommand. A command's module (and the clients, generators and writers it imports) is
 * loaded only when that command runs, so `fingraph --version` and `--help` load none of them.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'generate',
    description: 'generate a synthetic bank into files, backends or both',
    load: async () => (await import('./generate-command.js')).generateCommand(),
  },
  {
    name: 'load',
    description: 'load files written by `generate` into JanusGraph and/or OpenSearch',
    load: async () => (await import('./load-command.js')).loadCommand(),
  },
  {
    name: 'merge',
    description:
      'merge the output directories of `generate --shard I/N` into the unsharded output, byte for byte',
    load: async () => (await import('./merge-command.js')).mergeCommand(),
  },
  {
    name: 'schema',
    description: 'print or apply the JanusGraph schema and OpenSearch mappings',
    load: async () => (await import('./schema-command.js')).schemaCommand(),
  },
  {
    name: 'detect',
    description:
      'run the detection queries against loaded backends and score them against the ground truth (--truth, or the one loaded into OpenSearch)',
    load: async () => (await import('./detect-command.js')).detectCommand(),
  },
  {
    name: 'audit',
    description:
      'dataset card of an output directory: labels, amounts per purpose, degrees, local-time activity, realism figures against targets, and a leak table',
    load: async () => (await import('./audit-command.js')).auditCommand(),
  },
];
