import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockOf, generatedBlocks } from '../../scripts/docs/blocks.mjs';
import { TYPOLOGY_REFERENCES } from '../../scripts/docs/typology-references.mjs';
import * as fingraph from '../../src/index.js';
import { eventLabelShape, patternShape } from '../../src/model/index.js';
import { TYPOLOGY_REGISTRY } from '../../src/generators/patterns/registry.js';

// The guides under docs/ (issue #18): their generated blocks are current, their links resolve,
// and the typology catalogue and the troubleshooting guide cover everything the code defines.

const ROOT = new URL('../../', import.meta.url);
const read = (file: string) => readFileSync(new URL(file, ROOT), 'utf8');
const GUIDES = readdirSync(new URL('docs/', ROOT))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);

describe('generated blocks of the guides (run `npm run docs`)', () => {
  const blocks = generatedBlocks({
    ...fingraph,
    patternShape,
    eventLabelShape,
    TYPOLOGY_REGISTRY,
    TYPOLOGY_REFERENCES,
  });
  for (const { file, name, body } of blocks)
    it(`${file}: ${name}`, () => {
      expect(blockOf(read(file), name)).toBe(body);
    });
});

describe('the typology catalogue', () => {
  it('has a public reference, an invariant and an existing test for every typology', () => {
    const names = TYPOLOGY_REGISTRY.map((entry) => entry.typology.name);
    expect(Object.keys(TYPOLOGY_REFERENCES).sort()).toEqual([...names].sort());
    for (const [name, entry] of Object.entries(TYPOLOGY_REFERENCES)) {
      expect(entry.follows, name).not.toBe('');
      expect(entry.invariant, name).not.toBe('');
      expect(existsSync(new URL(entry.test, ROOT)), `${name}: ${entry.test}`).toBe(true);
    }
  });
});

describe('troubleshooting', () => {
  it('explains every error class the package exports', () => {
    const text = read('docs/troubleshooting.md');
    const classes = Object.entries(fingraph)
      .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Error)
      .map(([name]) => name);
    expect(classes).toContain('ConfigError');
    for (const name of [...classes, 'FingraphError'])
      expect(text, name).toMatch(new RegExp(`\\|\\s*\`${name}\`\\s*\\|`));
  });
});

describe('links between the README and the guides', () => {
  // Written by the adapters work (issue #17) in parallel; linked before it lands.
  const PENDING = new Set(['docs/architecture.md']);

  for (const file of ['README.md', ...GUIDES])
    it(`${file}: every relative link points at a file that exists`, () => {
      const text = read(file).replace(/```[\s\S]*?```/g, '');
      const base = new URL(file, ROOT);
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
        .map((m) => m[1] ?? '')
        .filter((target) => !/^[a-z]+:/.test(target) && !target.startsWith('#'));
      for (const target of targets) {
        const url = new URL(target.split('#')[0] ?? '', base);
        const path = url.pathname.slice(new URL(ROOT).pathname.length);
        if (PENDING.has(path)) continue;
        expect(existsSync(url), `${file} → ${target}`).toBe(true);
      }
    });
});
