import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Application, Comment, ReflectionKind, type ProjectReflection } from 'typedoc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as fingraph from '../../src/index.js';
import { markdownTypeScript } from '../helpers/readme-commands.js';

// The API reference (issue #18): `npm run docs` builds it with TypeDoc from the JSDoc of the
// exports of src/index.ts. Every export must be documented, and every `@example` — and every
// TypeScript block of the README and the guides — must compile against the built package
// (`npm test` builds dist/ first, as the CLI tests need).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside the repository, so `import … from 'fingraph'` resolves to the package itself (its
// `exports`, i.e. dist/index.d.ts) and 'vitest' to this checkout's copy. build/ is gitignored.
const SCRATCH = `${ROOT}build/example-check/`;

/**
 * Names an `@example` may use without defining them: the things a reader already has at that
 * point (a config, a sink, hits of their query…). Everything else it uses must be in the example
 * or exported by the package, whose value exports are imported for it.
 */
const PRELUDE = `import type * as F from 'fingraph';
declare global {
  const config: F.GenerationConfig;
  const url: string;
  const hits: readonly F.Hit[];
  const truth: F.GroundTruth;
  const sink: F.Sink;
  const expect: typeof import('vitest').expect;
  /** The reader's own detection query. */
  function myCycleQuery(graph: F.JanusGraphConnection): Promise<F.Hit[]>;
}
export {};
`;

let project: ProjectReflection;

beforeAll(async () => {
  const app = await Application.bootstrap({
    entryPoints: [`${ROOT}src/index.ts`],
    tsconfig: `${ROOT}tsconfig.build.json`,
    logLevel: 'Error',
  });
  const converted = await app.convert();
  if (converted === undefined) throw new Error('TypeDoc could not convert src/index.ts');
  project = converted;
}, 60_000);

afterAll(() => {
  rmSync(SCRATCH, { recursive: true, force: true });
});

/** The `@example` blocks of every reflection in the API, with where they are from. */
function examples(): { where: string; code: string }[] {
  const found: { where: string; code: string }[] = [];
  for (const reflection of [project, ...Object.values(project.reflections)]) {
    const comments = [
      reflection.comment,
      ...('signatures' in reflection && Array.isArray(reflection.signatures)
        ? (reflection.signatures as { comment?: Comment }[]).map((s) => s.comment)
        : []),
    ];
    for (const comment of comments)
      for (const tag of comment?.getTags('@example') ?? []) {
        const text = Comment.combineDisplayParts(tag.content);
        const fenced = /```\w*\n([\s\S]*?)```/.exec(text)?.[1];
        found.push({ where: reflection.getFriendlyFullName(), code: fenced ?? text });
      }
  }
  return found;
}

describe('API reference', () => {
  it('documents every export of src/index.ts', () => {
    const undocumented = (project.children ?? [])
      .filter((child) => {
        const own = child.comment?.summary.length ?? 0;
        const signed =
          'signatures' in child && Array.isArray(child.signatures)
            ? (child.signatures as { comment?: Comment }[]).some(
                (s) => (s.comment?.summary.length ?? 0) > 0,
              )
            : false;
        return own === 0 && !signed;
      })
      .map((child) => `${child.name} (${ReflectionKind.singularString(child.kind)})`);
    expect(undocumented).toEqual([]);
    expect(project.children?.length).toBeGreaterThan(50);
  });

  it('every @example, and every TypeScript block of the README and the guides, compiles', () => {
    const blocks = [
      ...examples(),
      ...['README.md', 'docs/testing-detection.md'].flatMap((file) =>
        markdownTypeScript(file).map((code, i) => ({ where: `${file} block ${i + 1}`, code })),
      ),
    ];
    expect(blocks.length).toBeGreaterThan(8);
    const values = Object.keys(fingraph).sort();
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    writeFileSync(`${SCRATCH}prelude.d.ts`, PRELUDE);
    const files = blocks.map(({ where, code }, i) => {
      const file = `example-${i}.ts`;
      // A block that imports from the package says what it uses; otherwise import every value.
      const imports = /from 'fingraph'/.test(code)
        ? ''
        : `import { ${values.join(', ')} } from 'fingraph';\n`;
      writeFileSync(`${SCRATCH}${file}`, `// ${where}\n${imports}${code}\nexport {};\n`);
      return file;
    });
    writeFileSync(
      `${SCRATCH}tsconfig.json`,
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          types: ['node'],
          noEmit: true,
        },
        files: ['prelude.d.ts', ...files],
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [`${ROOT}node_modules/typescript/bin/tsc`, '-p', `${SCRATCH}tsconfig.json`],
      { encoding: 'utf8', timeout: 120_000 },
    );
    // tsc names the file and line; the file's first line says which example it is.
    expect(
      tsc.stdout + tsc.stderr,
      files.map((f, i) => `${f}: ${blocks[i]?.where}`).join('\n'),
    ).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
