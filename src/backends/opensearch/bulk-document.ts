import { writeAliasOf } from './write-aliases.js';

/** Where the documents of one label (or ground-truth table) go. */
export interface BulkTarget {
  /** Graph label, or ground-truth table (patterns, event_labels): what a drop report names. */
  readonly label: string;
  /** The concrete index written to (what reports name). */
  readonly index: string;
  /**
   * `{"index":{"_index":"…","_id":` — built once per target, not once per document. `_index` is
   * the index's write alias (write-aliases.ts), so a vanished index is never auto-created.
   */
  readonly actionPrefix: string;
}

/** One `index` action and its source, ready for an NDJSON `_bulk` body. */
export interface BulkDocument {
  readonly target: BulkTarget;
  /** `_id`: the business id, so loading the same record twice leaves one document. */
  readonly id: string;
  /** Action line and source line, each ending in a newline. */
  readonly line: string;
}

/** A target whose action line prefix is built once, for every document it will take. */
export function bulkTarget(label: string, index: string): BulkTarget {
  const alias = writeAliasOf(index);
  return { label, index, actionPrefix: `{"index":{"_index":${JSON.stringify(alias)},"_id":` };
}

/**
 * A document from its source JSON. The source must be one line, which `JSON.stringify` guarantees
 * (it escapes newlines inside strings).
 */
export function bulkDocument(target: BulkTarget, id: string, sourceJson: string): BulkDocument {
  return { target, id, line: `${target.actionPrefix}${JSON.stringify(id)}}}\n${sourceJson}\n` };
}

/**
 * Documents waiting to be sent, and their size. The size counts UTF-16 code units, not bytes: for
 * this mostly-ASCII data the two are within a few percent, and counting bytes would scan every
 * line a second time just to decide when to flush.
 */
export class BulkChunk {
  private docs: BulkDocument[] = [];
  private chars = 0;

  add(doc: BulkDocument): void {
    this.docs.push(doc);
    this.chars += doc.line.length;
  }

  get size(): number {
    return this.chars;
  }

  get count(): number {
    return this.docs.length;
  }

  /** Hands over the documents and starts an empty chunk. */
  take(): BulkDocument[] {
    const docs = this.docs;
    this.docs = [];
    this.chars = 0;
    return docs;
  }
}
