import { TYPOLOGY_REGISTRY } from './registry.js';

/** The subtype table of docs/typologies.md, generated from the registry (`npm run docs`). */
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
