import type { OptionDescriptor } from '../config/index.js';

/**
 * A decimal number as a person types one: `16`, `-3`, `2.5`, `1e6`. Not `0x10`, `0b1`, `0o7`,
 * `Infinity` or an empty string, which `Number()` would quietly turn into numbers.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A flag's string becomes a number where the option is numeric; anything else stays a string,
 * so validation names the value exactly as it was typed.
 */
export function parseFlagValue(d: OptionDescriptor, raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const numeric: readonly string[] = ['count', 'positive', 'seed', 'rate', 'share'];
  if (numeric.includes(d.type)) return DECIMAL.test(raw.trim()) ? Number(raw) : raw;
  return raw;
}
