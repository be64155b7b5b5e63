import type { GenerationConfig } from './generation-config.js';
import { OPTION_DESCRIPTORS } from './options.js';
import { PRESET_NAMES, PRESETS } from './presets.js';

function cell(value: unknown): string {
  if (value === null) return '—';
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'number') return value.toLocaleString('en-US');
  return typeof value === 'string' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/** The options table of docs/configuration.md, from the option descriptors and presets. */
export function optionsMarkdown(): string {
  const header = `| flag | config key (snake_case) | ${PRESET_NAMES.map((p) => `\`${p}\``).join(' | ')} | meaning |`;
  const rule = `|---|---|${PRESET_NAMES.map(() => '---:').join('|')}|---|`;
  const rows = OPTION_DESCRIPTORS.map((d) => {
    const defaults = PRESET_NAMES.map((p) => cell(PRESETS[p][d.name as keyof GenerationConfig]));
    const meaning = d.restriction ? `${d.description} (${d.restriction})` : d.description;
    return `| \`${d.flag}\` | \`${d.snake}\` | ${defaults.join(' | ')} | ${meaning} |`;
  });
  return [header, rule, ...rows].join('\n');
}
