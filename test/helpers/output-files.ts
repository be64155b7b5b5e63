import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Every output file except the timing stats, as relative path → bytes, in path order. */
export async function outputFiles(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries
    .filter((e) => e.isFile())
    .sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    if (entry.name === 'generation_stats.json') continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(dir.length + 1), await readFile(path));
  }
  return files;
}

/** The names of the files that differ between two outputs (missing on either side included). */
export function differingFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((name) => {
    const x = a.get(name);
    const y = b.get(name);
    return x === undefined || y === undefined || !x.equals(y);
  });
}
