import {
  hasTruthColumns,
  labelOfVertexId,
  labelTable,
  VOCABULARY,
  type GraphRecord,
  type Label,
  type VertexLabel,
} from '../model/index.js';
import { rowError, RowValidator, type RowOrigin } from './row-validator.js';
import type { SourceRow } from './table-reader.js';

/**
 * Turns the rows of one graph label back into the records the generator produced: a vertex row is
 * its properties; an edge row is `{key, from_id, to_id, ...properties}`. Each row is validated
 * first (properties by the label's schema; edge endpoints must be vertex ids of the labels the
 * edge connects). Rows of a run with `--with-labels` end with the ground-truth columns, which
 * become the record's `patternIds` again; otherwise `labelsOf` supplies them (from the directory's
 * ground truth), so a record reads back exactly as it was generated.
 */
export class RecordDecoder {
  private readonly validator: RowValidator;
  private readonly key: string;
  private readonly truthColumns: boolean;

  constructor(
    readonly label: Label,
    withLabels = false,
    private readonly labelsOf: (label: Label, id: string) => readonly string[] | undefined = () =>
      undefined,
  ) {
    const definition = VOCABULARY[label];
    this.key = definition.key;
    this.truthColumns = hasTruthColumns(label, withLabels);
    this.validator = new RowValidator(labelTable(label, withLabels).shape, `the ${label} schema`);
  }

  decode(origin: RowOrigin, position: number, values: SourceRow): GraphRecord {
    const definition = VOCABULARY[this.label];
    if (definition.kind === 'vertex') {
      this.validator.check(origin, position, values);
      const { properties, patternIds } = this.split(origin, position, values);
      const id = properties[this.key] as string;
      // Validated against the label's shape just above.
      return this.withPatterns({ label: this.label, id, properties } as GraphRecord, patternIds);
    }
    const { from_id, to_id, ...rest } = values;
    this.checkEndpoint(origin, position, 'from_id', from_id, definition.from);
    this.checkEndpoint(origin, position, 'to_id', to_id, definition.to);
    this.validator.check(origin, position, rest);
    const { properties, patternIds } = this.split(origin, position, rest);
    const id = properties[this.key] as string;
    return this.withPatterns(
      { label: this.label, id, outV: from_id, inV: to_id, properties } as GraphRecord,
      patternIds,
    );
  }

  /** Separates the ground-truth columns (when the rows have them) from the properties. */
  private split(
    origin: RowOrigin,
    position: number,
    values: SourceRow,
  ): { properties: SourceRow; patternIds: readonly string[] | undefined } {
    if (!this.truthColumns)
      return {
        properties: values,
        patternIds: this.labelsOf(this.label, values[this.key] as string),
      };
    const { is_laundering, pattern_ids, ...properties } = values;
    const ids = pattern_ids as readonly string[];
    if (is_laundering !== ids.length > 0)
      throw rowError(
        origin,
        position,
        'is_laundering',
        is_laundering,
        `disagrees with pattern_ids ${JSON.stringify(ids)}`,
      );
    return { properties, patternIds: ids.length > 0 ? ids : undefined };
  }

  private withPatterns(record: GraphRecord, patternIds: readonly string[] | undefined) {
    return patternIds === undefined ? record : ({ ...record, patternIds } as GraphRecord);
  }

  private checkEndpoint(
    origin: RowOrigin,
    position: number,
    field: string,
    value: unknown,
    labels: readonly VertexLabel[],
  ): void {
    const label = typeof value === 'string' ? labelOfVertexId(value) : undefined;
    if (label === undefined || !labels.includes(label))
      throw rowError(
        origin,
        position,
        field,
        value,
        `is not the id of a ${labels.join(' or ')} vertex (ids start with ${labels
          .map((l) => VOCABULARY[l].idPrefix)
          .join(' or ')})`,
      );
  }
}
