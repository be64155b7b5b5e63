import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { optionsMarkdown } from '../../src/config/index.js';
import { vocabularyMarkdown } from '../../src/model/index.js';
import { typologiesMarkdown } from '../../src/generators/patterns/typology-table.js';

const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');

function section(name: string): string | undefined {
  return new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`)
    .exec(readme)?.[1]
    ?.trimEnd();
}

describe('README', () => {
  it('options table matches the option descriptors (run `npm run docs`)', () => {
    expect(section('options')).toBe(optionsMarkdown());
  });
  it('data model table matches the vocabulary (run `npm run docs`)', () => {
    expect(section('vocabulary')).toBe(vocabularyMarkdown());
  });
  it('typology table matches the registry (run `npm run docs`)', () => {
    expect(section('typologies')).toBe(typologiesMarkdown());
  });
  it('quick start shows npm test', () => {
    expect(readme).toContain('npm test');
  });
  it('every example that loads a backend while generating also writes the files (--out)', () => {
    // load --from and detect --truth read those files; without --out a load leaves none.
    const commands = [...readme.matchAll(/```bash\n([\s\S]*?)```/g)]
      .flatMap((m) => (m[1] ?? '').replaceAll('\\\n', ' ').split('\n'))
      .filter(
        (line) => /fingraph generate\b/.test(line) && /--(janusgraph|opensearch)\b/.test(line),
      );
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) expect(command).toMatch(/--out\s/);
  });
});

describe('option descriptors', () => {
  it('describe exactly the fields of GenerationConfig', async () => {
    const { OPTION_DESCRIPTORS, PRESETS } = await import('../../src/config/index.js');
    expect(OPTION_DESCRIPTORS.map((d) => d.name).sort()).toEqual(Object.keys(PRESETS.small).sort());
  });
});
