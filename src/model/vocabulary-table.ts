import { VOCABULARY, LABELS } from './vocabulary.js';

/** The data-model table of docs/data-model.md, generated from the vocabulary (`npm run docs`). */
export function vocabularyMarkdown(): string {
  const rows = LABELS.map((label) => {
    const d = VOCABULARY[label];
    const ends =
      d.kind === 'edge' ? `${d.from.join('/')} → ${d.to.join('/')}` : `id prefix \`${d.idPrefix}\``;
    const properties = Object.keys(d.shape).length;
    return `| ${d.kind} | \`${label}\` | \`${d.key}\` | ${ends} | \`${d.fileStem}.*\` | ${properties} |`;
  });
  return [
    '| kind | label | key | endpoints / ids | file | properties |',
    '|---|---|---|---|---|---:|',
    ...rows,
  ].join('\n');
}
