// Renders the generated blocks of the guides from the code that defines them. Pure functions
// over plain data, so scripts/update-docs.mjs can feed them the built package and the unit test
// (test/unit/docs.test.ts) the sources.

/** Escapes a table cell. */
const cell = (text) => String(text).replaceAll('|', '\\|').replaceAll('\n', ' ');

/**
 * Every property of every label, and of the two ground-truth records, as one table per label.
 * @param {Readonly<Record<string, {kind: string, key: string, shape: Readonly<Record<string, {kind: string, optional: boolean, description: string}>>}>>} vocabulary
 * @param {readonly string[]} labels
 * @param {Readonly<Record<string, Readonly<Record<string, {kind: string, optional: boolean, description: string}>>>>} truthShapes
 */
export function propertiesMarkdown(vocabulary, labels, truthShapes) {
  const table = (heading, shape, key) => [
    `### ${heading}`,
    '',
    '| property | kind | may be null | meaning |',
    '|---|---|---|---|',
    ...Object.entries(shape).map(
      ([name, d]) =>
        `| \`${name}\`${name === key ? ' (key)' : ''} | ${d.kind} | ${d.optional ? 'yes' : ''} | ${cell(d.description)} |`,
    ),
    '',
  ];
  const lines = labels.flatMap((label) => {
    const d = vocabulary[label];
    return table(`\`${label}\` (${d.kind})`, d.shape, d.key);
  });
  const truth = Object.entries(truthShapes).flatMap(([name, shape]) =>
    table(`ground truth: \`${name}\``, shape, Object.keys(shape)[0]),
  );
  return [...lines, ...truth].join('\n').trimEnd();
}

/**
 * The typology catalogue: per typology its subtypes, the public typology it follows, its defining
 * invariant and the test that checks it.
 * @param {readonly {typology: {name: string, subtypes: readonly string[]}}[]} registry
 * @param {Readonly<Record<string, {follows: string, invariant: string, test: string}>>} references
 */
export function typologyReferencesMarkdown(registry, references) {
  const rows = registry.map(({ typology }) => {
    const r = references[typology.name];
    if (r === undefined)
      throw new Error(
        `typology ${typology.name} has no entry in scripts/docs/typology-references.mjs`,
      );
    return `| \`${typology.name}\` | ${typology.subtypes.length} | ${cell(r.follows)} | ${cell(r.invariant)} | [${r.test.split('/').at(-1)}](../${r.test}) |`;
  });
  return [
    '| typology | subtypes | follows | defining invariant | checked by |',
    '|---|---:|---|---|---|',
    ...rows,
  ].join('\n');
}

/**
 * The generated blocks: which file, which marker, what goes in it.
 * @param {{optionsMarkdown: () => string, vocabularyMarkdown: () => string, typologiesMarkdown: () => string, VOCABULARY: any, LABELS: readonly string[], patternShape: any, eventLabelShape: any, TYPOLOGY_REGISTRY: readonly any[], TYPOLOGY_REFERENCES: any}} code
 */
export function generatedBlocks(code) {
  return [
    { file: 'docs/configuration.md', name: 'options', body: code.optionsMarkdown() },
    { file: 'docs/data-model.md', name: 'vocabulary', body: code.vocabularyMarkdown() },
    {
      file: 'docs/data-model.md',
      name: 'properties',
      body: propertiesMarkdown(code.VOCABULARY, code.LABELS, {
        patterns: code.patternShape,
        event_labels: code.eventLabelShape,
      }),
    },
    { file: 'docs/typologies.md', name: 'typologies', body: code.typologiesMarkdown() },
    {
      file: 'docs/typologies.md',
      name: 'typology-references',
      body: typologyReferencesMarkdown(code.TYPOLOGY_REGISTRY, code.TYPOLOGY_REFERENCES),
    },
  ];
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, or undefined. */
export function blockOf(text, name) {
  return new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`)
    .exec(text)?.[1]
    ?.trimEnd();
}

/** `text` with the block `name` replaced by `body`; throws when the markers are missing. */
export function withBlock(text, name, body) {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(text)) throw new Error(`no ${name} markers`);
  return text.replace(pattern, (_, start, end) => `${start}${body}\n${end}`);
}
