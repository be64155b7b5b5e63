import type { OutputFormat } from '../../config/index.js';
import type { Sink } from '../sink.js';
import type { WrittenFile } from './row-writer.js';

/** A sink that writes files into the output directory, in one format, and lists them. */
export interface FileOutput extends Sink {
  readonly format: OutputFormat;
  /** Files written so far (complete after close), as the manifest lists them. */
  files(): readonly WrittenFile[];
}
