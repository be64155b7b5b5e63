export {
  readOutputDirectory,
  DEFAULT_READ_BATCH_SIZE,
  type OutputSource,
  type ReadOutputOptions,
} from './read-output-directory.js';
export { FORMAT_PREFERENCE } from './source-format.js';
