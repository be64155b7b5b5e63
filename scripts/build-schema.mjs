// npm run schema — writes schema/ from the built model. A unit test fails when schema/ is stale.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { schemaArtifacts } from '../dist/schema/index.js';

const root = 'schema';
for (const sub of ['janusgraph', 'opensearch', 'json'])
  rmSync(join(root, sub), { recursive: true, force: true });
for (const [path, text] of Object.entries(schemaArtifacts())) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}
console.log(`schema/: ${Object.keys(schemaArtifacts()).length} files`);
