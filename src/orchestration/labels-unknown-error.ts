import { ConfigError } from '../errors.js';

/**
 * A load asked to put the ground truth on the data (`withLabels`) from a directory that cannot
 * say which events are crimes. Names the library's own settings; the CLI restates it in flags.
 */
export class LabelsUnknownError extends ConfigError {
  constructor(
    readonly from: string,
    /** The directory's shard part: a part other than 0 holds no ground truth of its own. */
    readonly shardPart: number,
  ) {
    super(
      'withLabels',
      from,
      shardPart > 0
        ? `is part ${shardPart} of a sharded run, whose ground truth is in part 0: generate the shards with withLabels set`
        : 'has no ground truth (generated with includeGroundTruth off): generate it with withLabels or includeGroundTruth set',
    );
  }
}
