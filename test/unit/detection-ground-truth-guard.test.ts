// Detection queries must never read the answers. `npm run lint` (part of `npm run check` and
// .ci/run) applies eslint.config.js's detector rules to src/detection/graph and entities; this
// test runs those same rules on detectors that cheat, and shows each one fails.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const config = (
  (await import(pathToFileURL(join(root, 'eslint.config.js')).href)) as { default: Linter.Config[] }
).default;
const detectorRules = config.filter((block) =>
  (block.files as string[] | undefined)?.includes('src/detection/graph/**'),
);

/** ESLint with only the detector rules (no type-aware rules: a virtual file has no project). */
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
    ...detectorRules,
  ],
});

async function problems(code: string, file = 'src/detection/graph/cheat.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

const detector = (query: string) => `
import type { DetectionContext, Hit } from '../detector.js';
import { gremlin } from './transfers.js';
export async function run(ctx: DetectionContext): Promise<Hit[]> {
  const rows = await gremlin<{ id: string }>(ctx, ${query});
  return rows.map((r) => ({ typology: 'cycle', entities: [], events: [r.id], explanation: '' }));
}`;

describe('a detector that reads ground truth fails the build', () => {
  it('has a rule block for detectors', () => {
    expect(detectorRules.length).toBeGreaterThan(0);
  });

  it.each([
    ["'g.E().has(\\'is_laundering\\', true).values(\\'transaction_id\\')'", 'is_laundering'],
    ['`g.E().has("pattern_ids", containing("PTN"))`', 'pattern_ids'],
    ["\"g.V().hasLabel('pattern').out('involves').id()\"", 'the truth graph'],
  ])('%s (%s)', async (query) => {
    const found = await problems(detector(query));
    expect(found.join('\n')).toMatch(
      /no-restricted-syntax: Detection queries never read ground truth/,
    );
  });

  it('importing the scoring or the ground-truth files is refused too', async () => {
    const found = await problems(
      `import { readTruthDirectory } from '../truth-directory.js';\nexport const x = readTruthDirectory;`,
      'src/detection/entities/cheat.ts',
    );
    expect(found.join('\n')).toMatch(
      /no-restricted-imports: .*Detection queries never read ground truth/,
    );
  });

  it('an honest query passes, and so does every shipped detector', async () => {
    expect(
      await problems(detector("\"g.E().hasLabel('transfer').has('amount', gt(9000)).id()\"")),
    ).toEqual([]);
    for (const folder of ['src/detection/graph', 'src/detection/entities']) {
      const results = await eslint.lintFiles(
        (await readdir(join(root, folder))).map((name) => join(root, folder, name)),
      );
      for (const result of results) expect(result.messages, result.filePath).toEqual([]);
    }
  });
});
