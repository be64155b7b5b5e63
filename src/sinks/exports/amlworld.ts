import { join } from 'node:path';
import type {
  AnyEdgeRecord,
  AnyVertexRecord,
  GraphBatch,
  GraphRecord,
  PatternTruth,
  GroundTruth,
} from '../../model/index.js';
import type { FileOutput } from '../files/file-output.js';
import type { WrittenFile } from '../files/row-writer.js';
import { TextFile } from '../files/text-file.js';
import type { SinkStats } from '../sink.js';
import { ExternalSort } from './external-sort.js';

/**
 * The AMLworld (IBM, NeurIPS 2023) transaction CSV header, as HI-Small_Trans.csv has it: the two
 * account columns really are both called "Account".
 */
export const AMLWORLD_HEADER =
  'Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering';

/** AMLworld's currency names for the ISO codes it has; other currencies keep their code. */
export const AMLWORLD_CURRENCIES: Readonly<Record<string, string>> = {
  AUD: 'Australian Dollar',
  BRL: 'Brazil Real',
  BTC: 'Bitcoin',
  CAD: 'Canadian Dollar',
  CHF: 'Swiss Franc',
  CNY: 'Yuan',
  EUR: 'Euro',
  GBP: 'UK Pound',
  ILS: 'Shekel',
  INR: 'Rupee',
  JPY: 'Yen',
  MXN: 'Mexican Peso',
  RUB: 'Ruble',
  SAR: 'Saudi Riyal',
  USD: 'US Dollar',
};

/**
 * AMLworld payment formats (ACH, Bitcoin, Cash, Cheque, Credit Card, Reinvestment, Wire) for
 * fingraph's transaction types; types AMLworld has no format for keep their own name.
 */
export const AMLWORLD_PAYMENT_FORMATS: Readonly<Record<string, string>> = {
  ach: 'ACH',
  atm: 'Cash',
  check: 'Cheque',
  deposit: 'Cash',
  online: 'Online',
  payment: 'Payment',
  pos: 'Credit Card',
  transfer: 'Transfer',
  wire: 'Wire',
  withdrawal: 'Cash',
};

/** AMLworld's pattern names (FAN-OUT, CYCLE…) for fingraph's typologies; the rest upper-cased. */
export const AMLWORLD_PATTERN_NAMES: Readonly<Record<string, string>> = {
  fan_out: 'FAN-OUT',
  fan_in: 'FAN-IN',
  cycle: 'CYCLE',
  scatter_gather: 'SCATTER-GATHER',
  gather_scatter: 'GATHER-SCATTER',
  bipartite: 'BIPARTITE',
  stack: 'STACK',
};

export function amlworldPatternName(typology: string): string {
  return AMLWORLD_PATTERN_NAMES[typology] ?? typology.toUpperCase().replace(/_/g, '-');
}

const TRANSACTIONS = 'amlworld/transactions.csv';
const PATTERNS = 'amlworld/patterns.txt';

/** `2026-01-15T12:34:56.789Z` → `2026/01/15 12:34` (AMLworld's `%Y/%m/%d %H:%M`, UTC). */
function amlworldTime(iso: string): string {
  return `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)} ${iso.slice(11, 16)}`;
}

function currencyName(code: string): string {
  return AMLWORLD_CURRENCIES[code] ?? code;
}

/**
 * Writes the AMLworld export: `amlworld/transactions.csv`, every transfer of the run (crimes,
 * look-alikes and background) in AMLworld's columns, sorted by time then id, `Is Laundering` 1
 * for an event of any injected pattern; and `amlworld/patterns.txt`, each injected pattern with
 * transfers as a `BEGIN LAUNDERING ATTEMPT - <TYPE>` … `END LAUNDERING ATTEMPT - <TYPE>` block of
 * its transfers in the same format. Banks are numbered 0, 1, … in the order their first account
 * appears (a bank is a bank name and country); accounts keep their ids.
 *
 * Accounts come before transfers in every stream (generation and replay), so each transfer's
 * banks are known when it arrives. Rows are sorted with bounded memory (external-sort.ts).
 */
export class AmlworldSink implements FileOutput {
  readonly name = 'files:amlworld';
  readonly format = 'amlworld' as const;
  readonly needsGroundTruth = true;
  private readonly banks = new Map<string, number>();
  private readonly bankOfAccount = new Map<string, number>();
  private readonly sorter: ExternalSort;
  /** Lines of the transfers of patterns, by transaction id, for the patterns file. */
  private readonly patternLines = new Map<string, { key: string; line: string }>();
  private truth: readonly PatternTruth[] = [];
  private readonly written: WrittenFile[] = [];
  private total = 0;
  private transfers = 0;
  private readonly startedMs: number;

  constructor(
    private readonly directory: string,
    private readonly clock: () => number,
  ) {
    this.sorter = new ExternalSort(join(directory, '.amlworld-sort'));
    this.startedMs = clock();
  }

  async write(batch: GraphBatch): Promise<void> {
    for (const vertex of batch.vertices) this.vertex(vertex);
    for (const edge of batch.edges) {
      this.total++;
      if (edge.label === 'transfer') await this.transfer(edge);
    }
    this.total += batch.vertices.length;
  }

  private vertex(record: AnyVertexRecord): void {
    if (record.label !== 'account') return;
    const { bank_name, bank_country } = record.properties;
    const bankKey = `${bank_country}\t${bank_name}`;
    let bank = this.banks.get(bankKey);
    if (bank === undefined) {
      bank = this.banks.size;
      this.banks.set(bankKey, bank);
    }
    this.bankOfAccount.set(record.id, bank);
  }

  private bankOf(account: string, transfer: GraphRecord): number {
    const bank = this.bankOfAccount.get(account);
    if (bank === undefined)
      throw new Error(
        `amlworld: transfer ${transfer.id} from or to ${account}, an unknown account`,
      );
    return bank;
  }

  private async transfer(record: AnyEdgeRecord & { label: 'transfer' }): Promise<void> {
    this.transfers++;
    const p = record.properties;
    const received = p.amount_local !== null && p.currency_local !== null;
    const line = [
      amlworldTime(p.timestamp),
      this.bankOf(record.outV, record),
      record.outV,
      this.bankOf(record.inV, record),
      record.inV,
      received ? p.amount_local : p.amount,
      currencyName(received ? p.currency_local : p.currency),
      p.amount,
      currencyName(p.currency),
      AMLWORLD_PAYMENT_FORMATS[p.transaction_type] ?? p.transaction_type,
      (record.patternIds?.length ?? 0) > 0 ? 1 : 0,
    ].join(',');
    const key = `${p.timestamp}|${record.id}`;
    if (record.patternIds !== undefined) this.patternLines.set(record.id, { key, line });
    await this.sorter.add(key, line);
  }

  async writeGroundTruth(truth: GroundTruth): Promise<void> {
    this.truth = truth.patterns;
  }

  files(): readonly WrittenFile[] {
    return this.written;
  }

  async close(): Promise<SinkStats> {
    const transactions = await TextFile.create(this.directory, TRANSACTIONS);
    void transactions.append(AMLWORLD_HEADER + '\n');
    for await (const line of this.sorter.sorted()) {
      const pending = transactions.append(line + '\n');
      if (pending) await pending;
    }
    const t = await transactions.close();
    this.written.push({
      path: TRANSACTIONS,
      format: 'amlworld',
      label: 'transfer',
      records: this.transfers,
      ...t,
    });
    const patterns = await TextFile.create(this.directory, PATTERNS);
    let blocks = 0;
    for (const pattern of this.truth) {
      const ids = (pattern.event_ids as Record<string, string[]>)['transfer'] ?? [];
      const lines = ids
        .flatMap((id) => {
          const entry = this.patternLines.get(id);
          return entry === undefined ? [] : [entry];
        })
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      if (lines.length === 0) continue;
      blocks++;
      const name = amlworldPatternName(pattern.typology);
      const text = [
        `BEGIN LAUNDERING ATTEMPT - ${name}:  fingraph ${pattern.typology}/${pattern.subtype} ${pattern.pattern_id}`,
        ...lines.map((entry) => entry.line),
        `END LAUNDERING ATTEMPT - ${name}`,
        '',
        '',
      ].join('\n');
      const pending = patterns.append(text);
      if (pending) await pending;
    }
    const p = await patterns.close();
    this.written.push({
      path: PATTERNS,
      format: 'amlworld',
      label: 'patterns',
      records: blocks,
      ...p,
    });
    return {
      total: this.total,
      successful: this.total,
      failed: 0,
      retried: 0,
      bytes: t.bytes + p.bytes,
      timeMs: this.clock() - this.startedMs,
    };
  }

  async abort(): Promise<void> {
    await this.sorter.discard();
  }
}
