import {
  isExportFormat,
  type ExportFormat,
  type GenerationConfig,
  type OutputFormat,
} from '../../config/index.js';
import { FileSink } from '../files/file-sink.js';
import type { FileOutput } from '../files/file-output.js';
import { AmlworldSink } from './amlworld.js';
import { GraphmlSink } from './graphml.js';
import { Neo4jSink } from './neo4j.js';
import { PygSink } from './pyg.js';

/** Every export format has a sink: adding one is a compile error until it is here. */
const EXPORTS: {
  readonly [F in ExportFormat]: (
    directory: string,
    config: GenerationConfig,
    clock: () => number,
  ) => FileOutput;
} = {
  amlworld: (directory, _config, clock) => new AmlworldSink(directory, clock),
  pyg: (directory, config, clock) =>
    new PygSink(directory, clock, config.split.split('/').map(Number)),
  graphml: (directory, config, clock) =>
    new GraphmlSink(directory, clock, config.withLabels, truthGraphOf(config)),
  neo4j: (directory, config, clock) =>
    new Neo4jSink(directory, clock, config.withLabels, truthGraphOf(config)),
};

/** Graph exports hold the ground truth as pattern vertices under --with-labels, when it is written. */
function truthGraphOf(config: GenerationConfig): boolean {
  return config.withLabels && config.includeGroundTruth;
}

/**
 * The file sinks of a run, one per format: table formats (one file per label) and, when
 * `exports`, the export formats. A shard's part writes only its table formats: each export
 * describes the whole run, so `fingraph merge` writes them.
 */
export function fileOutputs(
  directory: string,
  config: GenerationConfig,
  clock: () => number,
  exports: boolean,
): FileOutput[] {
  return config.formats.flatMap((format: OutputFormat): FileOutput[] => {
    if (!isExportFormat(format)) return [new FileSink(directory, format, clock, config.withLabels)];
    return exports ? [EXPORTS[format](directory, config, clock)] : [];
  });
}
