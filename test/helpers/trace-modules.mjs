// Preload (`node --import`) that records every module URL the process resolves into the file
// named by FINGRAPH_TRACE_MODULES: tests check what a command loads, not how long it takes.
import { register } from 'node:module';

register('./trace-modules-hooks.mjs', import.meta.url);
