import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTION_DESCRIPTORS } from '../../src/config/index.js';
import { auditDirectory } from '../../src/audit/audit-directory.js';
import type { AuditReport } from '../../src/audit/audit-report.js';
import { runCli } from '../helpers/cli.js';

const scratch = await mkdtemp(join(tmpdir(), 'fingraph-audit-'));
const bank = join(scratch, 'bank');
afterAll(() => rm(scratch, { recursive: true, force: true }));

interface Row {
  [field: string]: unknown;
}

async function jsonl(file: string): Promise<Row[]> {
  const text = await readFile(join(bank, file), 'utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Row);
}

let report: AuditReport;

beforeAll(() => {
  const generated = runCli([
    'generate',
    '--preset',
    'small',
    '--seed',
    '3',
    '--format',
    'jsonl,parquet',
    '--out',
    bank,
    '-q',
  ]);
  expect(generated.status, generated.stderr).toBe(0);
  const audited = runCli(['audit', bank, '--json']);
  expect(audited.status, audited.stderr).toBe(0);
  report = JSON.parse(audited.stdout) as AuditReport;
}, 120_000);

describe('fingraph audit on generate --preset small', () => {
  it('--json prints the whole report, its figures matching a direct count of the files', async () => {
    const transfers = await jsonl('transfers.jsonl');
    const accounts = new Map((await jsonl('accounts.jsonl')).map((a) => [a['account_id'], a]));
    const labels = (await jsonl('ground_truth/event_labels.jsonl')).filter(
      (e) => e['label'] === 'transfer',
    );
    const crime = new Set(labels.map((e) => e['event_id']));

    expect(report.laundering.transfers).toBe(transfers.length);
    expect(report.laundering.labelled).toBe(crime.size);
    expect(report.laundering.rate).toBeCloseTo(crime.size / transfers.length, 12);
    const sameCurrency = transfers.filter(
      (t) => accounts.get(t['from_id'])?.['currency'] === t['currency'],
    ).length;
    expect(report.realism.sameCurrencyShare).toBeCloseTo(sameCurrency / transfers.length, 12);
    const pairs = new Set(transfers.map((t) => `${String(t['from_id'])}>${String(t['to_id'])}`));
    expect(report.realism.repeatedPairShare).toBeCloseTo(1 - pairs.size / transfers.length, 12);
    const background = transfers
      .filter((t) => !crime.has(t['transaction_id']))
      .map((t) => t['amount_base'] as number)
      .sort((a, b) => a - b);
    expect(report.amounts.field).toBe('amount_base');
    expect(report.amounts.background.count).toBe(background.length);
    expect(report.amounts.background.max).toBe(background.at(-1));
    expect(report.realism.backgroundShareAtLeast10k).toBeCloseTo(
      background.filter((a) => a >= 10_000).length / background.length,
      12,
    );
    // One group per purpose the transfers carry.
    expect(new Set(report.amounts.byPurpose.map((p) => p.purpose))).toEqual(
      new Set(transfers.map((t) => t['purpose'])),
    );
    const received = new Map<unknown, number>();
    for (const t of transfers) received.set(t['to_id'], (received.get(t['to_id']) ?? 0) + 1);
    expect(report.inDegree.receivers).toBe(received.size);
    expect(report.inDegree.maxDegree).toBe(Math.max(...received.values()));
    expect(report.activity.hour.reduce((a, b) => a + b, 0)).toBe(transfers.length);
    expect(report.checks).toHaveLength(10);
  });

  it('has a leak table per event kind, where ids rank at 0.5 out of fold', () => {
    const kinds = report.leaks.map((l) => l.label);
    for (const kind of ['transfer', 'communicated', 'trade', 'logged_in'])
      expect(kinds).toContain(kind);
    const transfer = report.leaks.find((l) => l.label === 'transfer');
    const field = (name: string) => transfer?.fields.find((f) => f.field === name);
    expect(field('transaction_id')?.role).toBe('id');
    expect(field('transaction_id')?.auc).toBeCloseTo(0.5, 6);
    expect(field('reference_number')?.auc).toBeCloseTo(0.5, 2);
    expect(field('amount')?.threshold).toBe(0.85);
    expect(transfer?.unlabelledSampleRate).toBe(1);
    expect(report.leakChecks[0]?.figure).toMatch(/^transfer: strongest field but the amount/);
  });

  it('samples the unlabelled events of a kind above the limit, keeping every labelled one', async () => {
    const sampled = await auditDirectory(bank, { leakSampleLimit: 2_000 });
    const transfer = sampled.leaks.find((l) => l.label === 'transfer');
    const full = report.leaks.find((l) => l.label === 'transfer');
    expect(transfer?.events).toBe(report.laundering.transfers);
    expect(transfer?.labelled).toBe(report.laundering.labelled);
    const unlabelled = report.laundering.transfers - report.laundering.labelled;
    expect(transfer?.unlabelledSampleRate).toBeCloseTo(2_000 / unlabelled, 12);
    expect((transfer?.ranked ?? 0) - report.laundering.labelled).toBeGreaterThan(1_800);
    expect((transfer?.ranked ?? 0) - report.laundering.labelled).toBeLessThan(2_200);
    // The AUC of a field barely moves when the negatives are sampled.
    const amount = (t: typeof full) => t?.fields.find((f) => f.field === 'amount')?.auc ?? 0;
    expect(Math.abs(amount(transfer) - amount(full))).toBeLessThan(0.03);
    // Figures that are not the leak table do not sample.
    expect(sampled.realism).toEqual(report.realism);
  });

  it('reads any of the written formats into the same report', () => {
    const fromParquet = runCli(['audit', bank, '--format', 'parquet', '--json']);
    expect(fromParquet.status, fromParquet.stderr).toBe(0);
    const parquet = JSON.parse(fromParquet.stdout) as AuditReport;
    expect(parquet.format).toBe('parquet');
    expect({ ...parquet, format: report.format }).toEqual(report);
  });

  it('prints a text summary with every figure beside its target', () => {
    const result = runCli(['audit', bank]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Realism figures and the targets of issue #13');
    for (const target of ['≥ 90 %', '20–500', '≤ 3 %', '≥ 50×', '0.3–0.8×', '100 %'])
      expect(result.stdout).toContain(target);
    expect(result.stdout).toMatch(/document_id \(id\)\s+0\.5\s/);
  });
});

/** The browser to screenshot with: CHROME_PATH, or chromium / chromium-browser / google-chrome. */
function browser(): string {
  const candidates = [process.env['CHROME_PATH'], 'chromium', 'chromium-browser', 'google-chrome'];
  for (const c of candidates)
    if (c && spawnSync(c, ['--version'], { encoding: 'utf8' }).status === 0) return c;
  throw new Error(
    'no headless browser found for the audit page screenshot: install one (Debian: apt-get install -y chromium) or set CHROME_PATH',
  );
}

describe('fingraph audit --html', () => {
  const page = join(scratch, 'card.html');

  it('writes one self-contained page with the charts and tables', async () => {
    const result = runCli(['audit', bank, '--html', page]);
    expect(result.status, result.stderr).toBe(0);
    const html = await readFile(page, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(http/i);
    expect(html.match(/<svg class="chart"/g)?.length).toBeGreaterThanOrEqual(6);
    for (const heading of ['Amounts per purpose', 'in-degree', 'local clock', 'Leak table'])
      expect(html).toContain(heading);
  });

  it.each([1280, 560])('renders in a headless browser at %i px wide', async (width) => {
    const shot = join(scratch, `card-${width}.png`);
    const profile = await mkdtemp(join(tmpdir(), 'fingraph-chrome-'));
    try {
      execFileSync(
        browser(),
        [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          `--user-data-dir=${profile}`,
          `--screenshot=${shot}`,
          `--window-size=${width},1600`,
          `file://${page}`,
        ],
        { stdio: 'pipe', timeout: 60_000 },
      );
    } finally {
      await rm(profile, { recursive: true, force: true });
    }
    const png = await readFile(shot);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(width);
    // A blank page compresses to a few kilobytes; charts and text do not.
    expect(png.length).toBeGreaterThan(60_000);
    const keep = process.env['FINGRAPH_KEEP_AUDIT_SCREENSHOT'];
    if (keep) await writeFile(keep.replace(/\.png$/, `-${width}.png`), png);
  });
});

describe('fingraph audit rejects a directory it cannot audit with exit code 2 and one line', () => {
  function expectRejected(dir: string, message: RegExp, ...flags: string[]) {
    const result = runCli(['audit', dir, ...flags]);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  }

  it('a missing directory', () => {
    expectRejected(join(scratch, 'nowhere'), /audit DIR: ".*nowhere" does not exist/);
  });

  it('a directory without manifest.json', () => {
    expectRejected(scratch, /audit DIR: ".*" has no manifest\.json/);
  });

  it('a directory whose transfer file is gone', async () => {
    const copy = join(scratch, 'no-transfers');
    await cp(bank, copy, { recursive: true });
    await rm(join(copy, 'transfers.jsonl'));
    expectRejected(copy, /audit DIR: ".*no-transfers" is missing transfers\.jsonl/);
  });

  it('an --html page in a folder that does not exist, before auditing anything', () => {
    expectRejected(
      bank,
      /--html: ".*nowhere\/card\.html" needs an existing folder/,
      '--html',
      join(scratch, 'nowhere', 'card.html'),
    );
  });

  it('a run without transfers', async () => {
    const empty = join(scratch, 'empty');
    // No background transfers and no typology that would move money.
    const noCrimes = join(scratch, 'no-crimes.json');
    await writeFile(
      noCrimes,
      JSON.stringify(
        Object.fromEntries(
          OPTION_DESCRIPTORS.filter((d) => d.name.endsWith('Patterns')).map((d) => [d.name, 0]),
        ),
      ),
    );
    const generated = runCli([
      'generate',
      '--preset',
      'tiny',
      '--config',
      noCrimes,
      '--transaction-count',
      '0',
      '--out',
      empty,
      '-q',
    ]);
    expect(generated.status, generated.stderr).toBe(0);
    expectRejected(empty, /audit DIR: ".*empty" has no transfers/);
  });
});
