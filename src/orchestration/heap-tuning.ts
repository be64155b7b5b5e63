import { setFlagsFromString } from 'node:v8';

/**
 * V8's heap growing factor while generating, in percent. Generation keeps a small, flat live set
 * (the population index) but allocates garbage fast; by default V8 then grows the old generation
 * by up to 4× between full collections, so peak RSS depends on how long the run lasts rather than
 * on what it holds. 30 % keeps peak RSS flat from 10^5 to 10^7 transactions for about 10 % more
 * CPU (measured: README, Benchmarks).
 */
export const HEAP_GROWING_PERCENT = 30;

/**
 * Applies the growing factor to this process and the worker threads it starts. A process-wide V8
 * setting, so the CLI (and the benchmarks, to measure what the CLI does) call it — the library
 * never does on its own.
 */
export function tuneHeapForStreaming(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
