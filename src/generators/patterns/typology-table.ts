import { TYPOLOGY_REGISTRY } from './registry.js';

/** The README typology table, generated from the registry. */
export function typologiesMarkdown(): string {
  const rows = TYPOLOGY_REGISTRY.flatMap(({ typology }) =>
    typology.subtypes.map(
      (subtype) =>
        `| \`${typology.name}\` | \`${subtype}\` | ${typology.describe[subtype] ?? ''} |`,
    ),
  );
  return [
    '| typology | subtype | what it looks like in the graph |',
    '|---|---|---|',
    ...rows,
  ].join('\n');
}
