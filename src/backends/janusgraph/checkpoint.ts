import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SinkError } from '../../errors.js';

/** Elements a checkpoint names as landed, looked up on resume to tell that they are still there. */
export interface CheckpointSample {
  readonly vertex?: string;
  readonly edge?: { readonly label: string; readonly key: string; readonly id: string };
}

/** Where a load got to: every batch up to and including `seq` has landed. */
export interface CheckpointState {
  /** What is being loaded (hash of config or manifest): a checkpoint of another load is refused. */
  readonly source: string;
  readonly seq: number;
  readonly elements: number;
  /** The last vertex and edge sent up to `seq`. */
  readonly sample?: CheckpointSample;
}

/** A checkpoint file, replaced atomically so a crash never leaves half of one. */
export class Checkpoint {
  constructor(
    readonly path: string,
    readonly source: string,
  ) {}

  /**
   * The last saved state for this source, or undefined for a fresh load (no checkpoint file).
   * A file that exists but cannot be read fails: resuming from scratch would reload everything.
   */
  async read(): Promise<CheckpointState | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new SinkError(
        `checkpoint ${this.path} cannot be read (${(error as Error).message}); fix its permissions or point --checkpoint elsewhere`,
        { path: this.path },
        { cause: error },
      );
    }
    let state: CheckpointState;
    try {
      state = JSON.parse(text) as CheckpointState;
    } catch {
      throw new SinkError(
        `checkpoint ${this.path} is not valid JSON; remove it (the load then starts over)`,
      );
    }
    if (state.source !== this.source) {
      throw new SinkError(
        `checkpoint ${this.path} belongs to another load (${state.source}, this one is ${this.source}); remove it or point --checkpoint elsewhere`,
      );
    }
    return state;
  }

  /** Removes the checkpoint once a load has completed: a later run starts afresh. */
  async clear(): Promise<void> {
    await rm(this.path, { force: true });
  }

  async save(state: Omit<CheckpointState, 'source'>): Promise<void> {
    // A name of its own per save: two processes saving at once never rename each other's file.
    const partial = `${this.path}.${randomUUID()}.partial`;
    await mkdir(dirname(this.path), { recursive: true });
    await writeFile(partial, JSON.stringify({ source: this.source, ...state }) + '\n');
    await rename(partial, this.path);
  }
}
