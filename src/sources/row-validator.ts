import type { z } from 'zod';
import { formatValue, SchemaError } from '../errors.js';
import { zodOf, type PropertyShape } from '../model/index.js';
import type { PositionUnit, SourceRow } from './table-reader.js';

/** A value for an error message: JSON, bigint with its `n`, long values cut short. */
export function describeValue(value: unknown): string {
  if (value === undefined) return '(missing)';
  const text = typeof value === 'bigint' ? `${value}n` : formatValue(value);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** Where rows come from, for error messages: the file and what its positions count. */
export interface RowOrigin {
  readonly path: string;
  readonly unit: PositionUnit;
}

/** The error for a row at `position` that breaks `rule` in `field`. */
export function rowError(
  origin: RowOrigin,
  position: number,
  field: string,
  value: unknown,
  rule: string,
): SchemaError {
  return new SchemaError(
    `${origin.path} ${origin.unit} ${position}: field ${field}: value ${describeValue(value)} ${rule}`,
    { path: origin.path, [origin.unit]: position, field, value },
  );
}

function errorOf(
  origin: RowOrigin,
  position: number,
  values: SourceRow,
  error: z.ZodError,
  what: string,
): SchemaError {
  const issue = error.issues[0];
  if (issue === undefined)
    return rowError(origin, position, '(row)', values, `does not match ${what}`);
  if (issue.code === 'unrecognized_keys')
    return new SchemaError(
      `${origin.path} ${origin.unit} ${position}: field ${issue.keys.join(', ')} is not a property of ${what}`,
      { path: origin.path, [origin.unit]: position, field: issue.keys.join(', ') },
    );
  const field = issue.path.map(String).join('.');
  const top = issue.path[0];
  const value = top === undefined ? values : values[String(top)];
  return rowError(origin, position, field, value, `does not match ${what}: ${issue.message}`);
}

/**
 * Checks rows against a property shape with the model's strict zod validator (`zodOf`): every
 * property present with a value of its kind, nothing else. The first violation is a SchemaError
 * naming file, line or row, field, value and rule.
 */
export class RowValidator {
  private readonly schema: z.ZodObject;

  constructor(
    shape: PropertyShape,
    /** What the rows must match, for messages, e.g. "the transfer schema". */
    private readonly what: string,
  ) {
    this.schema = zodOf(shape);
  }

  check(origin: RowOrigin, position: number, values: SourceRow): void {
    const result = this.schema.safeParse(values);
    if (!result.success) throw errorOf(origin, position, values, result.error, this.what);
  }
}
