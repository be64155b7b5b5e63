// npm run docs — rewrites the generated sections of README.md from the built code.
// A unit test fails when README.md is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { optionsMarkdown, typologiesMarkdown, vocabularyMarkdown } from '../dist/index.js';

const SECTIONS = {
  options: optionsMarkdown(),
  vocabulary: vocabularyMarkdown(),
  typologies: typologiesMarkdown(),
};
let readme = readFileSync('README.md', 'utf8');
for (const [name, body] of Object.entries(SECTIONS)) {
  const pattern = new RegExp(`(<!-- ${name}:start -->\\n)[\\s\\S]*?(<!-- ${name}:end -->)`);
  if (!pattern.test(readme)) throw new Error(`README.md has no ${name} markers`);
  readme = readme.replace(pattern, `$1${body}\n$2`);
}
writeFileSync('README.md', readme);
