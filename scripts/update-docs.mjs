// npm run docs — rewrites the generated blocks of the guides from the built code, then builds the
// API reference with TypeDoc (build/api/, not committed). test/unit/docs.test.ts fails when a
// block is out of date; test/unit/api-docs.test.ts when an export has no documentation or an
// @example does not compile.
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import * as fingraph from '../dist/index.js';
import { eventLabelShape, patternShape } from '../dist/model/index.js';
import { TYPOLOGY_REGISTRY } from '../dist/generators/patterns/registry.js';
import { generatedBlocks, withBlock } from './docs/blocks.mjs';
import { TYPOLOGY_REFERENCES } from './docs/typology-references.mjs';

const blocks = generatedBlocks({
  ...fingraph,
  patternShape,
  eventLabelShape,
  TYPOLOGY_REGISTRY,
  TYPOLOGY_REFERENCES,
});
const files = new Map();
for (const { file, name, body } of blocks) {
  const text = files.get(file) ?? readFileSync(file, 'utf8');
  files.set(file, withBlock(text, name, body));
}
for (const [file, text] of files) writeFileSync(file, text);
process.stderr.write(
  `updated ${blocks.length} generated blocks in ${[...files.keys()].join(', ')}\n`,
);

if (!process.argv.includes('--no-api')) {
  execFileSync('npx', ['typedoc'], { stdio: 'inherit' });
  process.stderr.write('API reference: build/api/index.html\n');
}

// `npm run docs -- --screenshot`: the reference's first page in headless Chromium, as the README
// shows it (docs/api-reference.png). CHROME_PATH picks the browser, as in report-screenshots.mjs.
if (process.argv.includes('--screenshot')) {
  const browser = [process.env.CHROME_PATH, 'chromium', 'chromium-browser', 'google-chrome'].find(
    (c) => c && spawnSync(c, ['--version']).status === 0,
  );
  if (!browser)
    throw new Error('no headless browser: apt-get install -y chromium, or set CHROME_PATH');
  execFileSync(
    browser,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--window-size=1280,900',
      `--screenshot=${resolve('docs/api-reference.png')}`,
      pathToFileURL(resolve('build/api/index.html')).href,
    ],
    { stdio: 'ignore' },
  );
  process.stderr.write('screenshot: docs/api-reference.png\n');
}
