import { rmSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ConfigError, SinkError } from '../errors.js';

/**
 * The output directory cannot be used as given. Names the library's own options (`outDir`,
 * `overwrite`); the CLI restates it in terms of its flags.
 */
export class OutputDirectoryError extends ConfigError {
  constructor(
    readonly target: string,
    readonly problem: 'not-a-directory' | 'not-empty',
  ) {
    super(
      'outDir',
      target,
      problem === 'not-empty'
        ? 'is a non-empty directory; set the overwrite option to replace it'
        : 'exists and is not a directory',
    );
  }
}

/** Staging directories of this process that are neither committed nor discarded yet. */
const pendingStaging = new Set<string>();

/**
 * Removes, synchronously, every staging directory a run of this process has not committed or
 * discarded: for a process that must stop now (a second Ctrl-C, `process.exit`), so that no
 * partial output survives it.
 */
export function discardPendingStagingSync(): void {
  for (const staging of pendingStaging) rmSync(staging, { recursive: true, force: true });
  pendingStaging.clear();
}

/**
 * The output directory as a transaction: files go to a hidden sibling directory that replaces the
 * target only when the run succeeds, so a failed or interrupted run never leaves output that looks
 * complete, and a non-empty directory is never replaced without `overwrite`.
 */
export class OutputDirectory {
  readonly target: string;
  readonly staging: string;

  private constructor(target: string) {
    this.target = target;
    this.staging = join(dirname(target), `.${basename(target)}.fingraph-partial`);
  }

  /** Checks the target (before anything is generated) and creates a fresh staging directory. */
  static async open(target: string, overwrite: boolean): Promise<OutputDirectory> {
    const directory = new OutputDirectory(resolve(target));
    const existing = await stat(directory.target).catch(() => undefined);
    if (existing !== undefined) {
      if (!existing.isDirectory()) throw new OutputDirectoryError(target, 'not-a-directory');
      const entries = await readdir(directory.target);
      if (entries.length > 0 && !overwrite) throw new OutputDirectoryError(target, 'not-empty');
    }
    await rm(directory.staging, { recursive: true, force: true });
    pendingStaging.add(directory.staging);
    await mkdir(directory.staging, { recursive: true });
    return directory;
  }

  /** Writes a small file (manifest, stats) into the staging directory. */
  async writeJson(relativePath: string, value: unknown): Promise<void> {
    const path = join(this.staging, relativePath);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify(value, null, 2) + '\n');
  }

  /** Replaces the target with the staged files. */
  async commit(): Promise<void> {
    try {
      await rm(this.target, { recursive: true, force: true });
      await rename(this.staging, this.target);
      pendingStaging.delete(this.staging);
    } catch (error) {
      throw new SinkError(
        `output: could not move ${this.staging} to ${this.target}: ${String(error)}`,
        {},
        { cause: error },
      );
    }
  }

  /** Discards the staged files. */
  async discard(): Promise<void> {
    await rm(this.staging, { recursive: true, force: true });
    pendingStaging.delete(this.staging);
  }
}
