import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { SinkError } from '../../errors.js';

/** Where a load got to: every batch up to and including `seq` has landed. */
export interface CheckpointState {
  /** What is being loaded (hash of config or manifest): a checkpoint of another load is refused. */
  readonly source: string;
  readonly seq: number;
  readonly elements: number;
}

/** A checkpoint file, replaced atomically so a crash never leaves half of one. */
export class Checkpoint {
  constructor(
    readonly path: string,
    readonly source: string,
  ) {}

  /** The last saved state for this source, or undefined for a fresh load. */
  async read(): Promise<CheckpointState | undefined> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      return undefined;
    }
    const state = JSON.parse(text) as CheckpointState;
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
    const partial = `${this.path}.partial`;
    await writeFile(partial, JSON.stringify({ source: this.source, ...state }) + '\n');
    await rename(partial, this.path);
  }
}
