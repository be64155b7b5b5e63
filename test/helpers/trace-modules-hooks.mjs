import { appendFileSync } from 'node:fs';

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const file = process.env.FINGRAPH_TRACE_MODULES;
  if (file) appendFileSync(file, result.url + '\n');
  return result;
}
