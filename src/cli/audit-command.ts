import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { auditDirectory } from '../audit/audit-directory.js';
import { renderAuditHtml } from '../audit/report-html.js';
import { renderAuditText } from '../audit/report-text.js';
import { TABLE_FORMATS, type TableFormat } from '../config/index.js';
import { ConfigError } from '../errors.js';
import { interruptible } from './interruptible.js';

interface AuditFlags {
  json?: boolean;
  html?: string;
  format?: TableFormat;
}

/** Refuses an --html path whose folder does not exist before the (long) audit runs. */
async function checkPageFolder(page: string): Promise<void> {
  const folder = dirname(resolve(page));
  const isFolder = await stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!isFolder) throw new ConfigError('--html', page, `needs an existing folder (${folder})`);
}

export function auditCommand(): Command {
  return new Command('audit')
    .description(
      'dataset card of an output directory: labels, amounts per purpose, degrees, local-time activity, realism figures against targets, and a leak table',
    )
    .argument('<dir>', 'output directory written by fingraph generate --out')
    .option('--json', 'print the whole report as JSON to stdout')
    .option('--html <file>', 'also write a self-contained HTML page with the charts')
    .addOption(
      new Option(
        '--format <format>',
        'which of the written formats to read (default: the first present of jsonl, parquet, csv, json)',
      ).choices(TABLE_FORMATS),
    )
    .addHelpText(
      'after',
      `
The leak table ranks every field of every labelled event kind alone against the crime labels
(rank AUC, shown as max(AUC, 1 − AUC)); categorical fields are target-encoded out of fold, so an
id or a reference number comes out at about 0.5. Above 200,000 events of a kind, the unlabelled
ones are sampled by a hash of their id.

Examples:
  $ fingraph generate --preset complete --seed 5 --out ./bank
  $ fingraph audit ./bank
  $ fingraph audit ./bank --json > card.json
  $ fingraph audit ./bank --html card.html`,
    )
    .action(async (dir: string, flags: AuditFlags) => {
      if (flags.html !== undefined) await checkPageFolder(flags.html);
      const report = await interruptible(false, ({ signal }) =>
        auditDirectory(dir, { format: flags.format, signal }),
      );
      if (flags.html !== undefined) {
        // Written aside and renamed, so a failed or interrupted run leaves no half page behind.
        const partial = `${flags.html}.partial`;
        try {
          await writeFile(partial, renderAuditHtml(report));
          await rename(partial, flags.html);
        } finally {
          await rm(partial, { force: true });
        }
      }
      process.stdout.write(
        flags.json ? JSON.stringify(report, null, 2) + '\n' : renderAuditText(report),
      );
    });
}
