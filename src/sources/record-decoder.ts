import {
  labelOfVertexId,
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
 * edge connects).
 */
export class RecordDecoder {
  private readonly validator: RowValidator;
  private readonly key: string;

  constructor(readonly label: Label) {
    const definition = VOCABULARY[label];
    this.key = definition.key;
    this.validator = new RowValidator(definition.shape, `the ${label} schema`);
  }

  decode(origin: RowOrigin, position: number, values: SourceRow): GraphRecord {
    const definition = VOCABULARY[this.label];
    if (definition.kind === 'vertex') {
      this.validator.check(origin, position, values);
      // Validated against the label's shape just above.
      return { label: this.label, id: values[this.key], properties: values } as GraphRecord;
    }
    const { from_id, to_id, ...properties } = values;
    this.checkEndpoint(origin, position, 'from_id', from_id, definition.from);
    this.checkEndpoint(origin, position, 'to_id', to_id, definition.to);
    this.validator.check(origin, position, properties);
    return {
      label: this.label,
      id: properties[this.key],
      outV: from_id,
      inV: to_id,
      properties,
    } as GraphRecord;
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
