// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Imports a layer may not make (docs/architecture.md "Layers"). ESLint does not merge the options
 * of a rule across config blocks (the last block that matches a file wins), so each block below
 * lists every rule that applies to its files: a layer's own and the ones all of src/ obeys.
 */
const restrict = (...rules) => ({
  'no-restricted-imports': [
    'error',
    { patterns: rules.map(([group, message]) => ({ group, message })) },
  ],
});

/** All of src/: only the CLI imports the CLI. */
const NO_CLI = [['**/cli/**'], 'Only the CLI imports the CLI.'];
/** Outside src/backends: a backend's folder is private; src/backends/index.js is its face. */
const BACKENDS_FACE = [
  ['**/backends/*', '!**/backends/index.js', '**/backends/*/**'],
  'Import backends only through their public face, src/backends/index.js.',
];
/** Sinks and backends sit below the run: they are handed batches, they do not drive. */
const BELOW_THE_RUN = [
  [
    '**/generators/**',
    '**/orchestration/**',
    '**/detection/**',
    '**/sources/**',
    '**/testing/**',
    '**/audit/**',
  ],
  'sinks and backends import only model, schema, config types, errors and the sink interface.',
];

const AMBIENT = [
  {
    selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
    message: 'Use ctx.rng: output must depend on the seed alone.',
  },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Use the injected clock or ctx.time.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'new Date() reads the wall clock; pass an instant.',
  },
  {
    selector: "CallExpression[callee.object.name='crypto'][callee.property.name='randomUUID']",
    message: 'Ids derive from (kind, index).',
  },
];

/**
 * Detection queries must find crimes the way an analyst would: never from the answers. These
 * names exist only in ground truth (--with-labels columns, the truth graph, ground_truth/ files).
 */
const GROUND_TRUTH_NAMES =
  /is_laundering|pattern_ids?|involves|involvement_id|event_labels|ground_truth|['"]patterns?['"]/;
const NO_GROUND_TRUTH = [
  ...AMBIENT,
  ...['Literal', 'TemplateElement'].map((node) => ({
    selector:
      node === 'Literal'
        ? `Literal[value=${GROUND_TRUTH_NAMES}]`
        : `TemplateElement[value.raw=${GROUND_TRUTH_NAMES}]`,
    message:
      'Detection queries never read ground truth (is_laundering, pattern_ids, pattern vertices, ground_truth/).',
  })),
  {
    selector: "Literal[value='pattern'], Literal[value='patterns']",
    message: 'Detection queries never read ground truth (the pattern vertices and patterns index).',
  },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'node_modules/**',
      'output/**',
      'schema/**',
      'coverage/**',
      '.venv/**',
      '**/*.mjs',
      'eslint.config.js',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unnecessary-condition': [
        'error',
        { allowConstantLoopConditions: true },
      ],
      'no-restricted-syntax': ['error', ...AMBIENT],
      // Sinks and writers implement async interfaces; some implementations have nothing to await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/cli/**'], rules: { 'no-restricted-syntax': 'off' } },
  {
    files: ['src/**'],
    ignores: ['src/cli/**', 'src/backends/**'],
    rules: restrict(NO_CLI, BACKENDS_FACE),
  },
  { files: ['src/cli/**'], rules: restrict(BACKENDS_FACE) },
  {
    files: ['src/model/*', 'src/random/*'],
    rules: restrict([['../*'], 'model and random import nothing of ours.']),
  },
  {
    files: ['src/model/*/**'],
    rules: restrict([['../../*'], 'model imports nothing of ours.']),
  },
  {
    files: ['src/generators/**'],
    rules: restrict([
      [
        '**/orchestration/**',
        '**/sinks/**',
        '**/backends/**',
        '**/cli/**',
        'node:fs*',
        'node:net',
        'node:http*',
      ],
      'generators are pure: no orchestration, sinks, backends, CLI or I/O.',
    ]),
  },
  {
    files: ['src/sinks/**'],
    rules: restrict(NO_CLI, BELOW_THE_RUN, [
      ['**/backends/**'],
      'sinks are the layer under the backends: the sink interface and the file sinks.',
    ]),
  },
  { files: ['src/backends/**'], rules: restrict(NO_CLI, BELOW_THE_RUN) },
  {
    files: ['src/output/**'],
    rules: restrict(NO_CLI, BELOW_THE_RUN, [
      ['**/backends/**'],
      'output (staging, manifest, stats) sits under the run and beside the file sinks.',
    ]),
  },
  {
    files: ['src/**'],
    ignores: ['src/cli/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'Only src/cli touches process (stdout, exit codes, env).' },
      ],
    },
  },
  {
    // Detectors: the queries. Scoring (score.ts, truth-directory.ts) reads ground truth; they may not.
    files: ['src/detection/graph/**', 'src/detection/entities/**'],
    rules: {
      'no-restricted-syntax': ['error', ...NO_GROUND_TRUTH],
      ...restrict(
        [
          [
            '**/score*',
            '**/truth-directory*',
            '**/model/ground-truth*',
            '**/sources/**',
            'node:fs*',
            '**/cli/**',
          ],
          'Detection queries never read ground truth or output files: only the loaded backends.',
        ],
        BACKENDS_FACE,
      ),
    },
  },
  {
    files: ['test/**', 'scripts/**', 'vitest.config.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
