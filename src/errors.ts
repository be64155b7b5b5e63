/**
 * The error hierarchy. Every message states the facts a user needs to act: the component, the
 * offending value and the rule it broke.
 */
export class FingraphError extends Error {
  override readonly name: string = 'FingraphError';
  readonly context: Readonly<Record<string, unknown>>;

  constructor(message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.context = Object.freeze({ ...context });
  }
}

/** Bad configuration, flags or config file. Raised before anything is written or connected. */
export class ConfigError extends FingraphError {
  override readonly name = 'ConfigError';

  /** @example new ConfigError('person_count', -1, 'must be a whole number ≥ 0') */
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly rule: string,
    options?: ErrorOptions,
  ) {
    super(`${field}: ${formatValue(value)} ${rule}`, { field, value, rule }, options);
  }
}

/** A record or stored schema that does not match the model. */
export class SchemaError extends FingraphError {
  override readonly name = 'SchemaError';
}

/** A sink (file writer or backend loader) failed. */
export class SinkError extends FingraphError {
  override readonly name = 'SinkError';
}

/** Renders a value for an error message: strings quoted, everything else as JSON. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value);
  const json = JSON.stringify(value) as string | undefined;
  return json ?? typeof value;
}
