import type { OpenSearchConnection } from '../backends/index.js';

interface SearchBody {
  readonly _scroll_id?: string;
  readonly hits: { readonly hits: readonly { readonly _id: string; readonly _source: unknown }[] };
}

/** Whether an error is OpenSearch's answer that the index does not exist. */
export function isIndexMissing(error: unknown): boolean {
  const e = error as { meta?: { statusCode?: number } } | null;
  return e?.meta?.statusCode === 404;
}

/**
 * Every document of an index matching `query` (all when absent), through the scroll API, so an
 * index larger than one page (10,000 hits) is read whole. Documents come in index order.
 */
export async function scrollAll(
  connection: OpenSearchConnection,
  index: string,
  query: Readonly<Record<string, unknown>> = { match_all: {} },
  pageSize = 5_000,
): Promise<unknown[]> {
  const { client } = connection;
  const sources: unknown[] = [];
  let body = (
    await client.search({
      index,
      scroll: '1m',
      body: { size: pageSize, sort: ['_doc'], query },
    } as never)
  ).body as SearchBody;
  let scrollId = body._scroll_id;
  try {
    while (body.hits.hits.length > 0) {
      for (const hit of body.hits.hits) sources.push(hit._source);
      if (body.hits.hits.length < pageSize || scrollId === undefined) break;
      body = (await client.scroll({ body: { scroll: '1m', scroll_id: scrollId } } as never))
        .body as SearchBody;
      scrollId = body._scroll_id ?? scrollId;
    }
  } finally {
    if (scrollId !== undefined)
      await client.clearScroll({ body: { scroll_id: scrollId } } as never).catch(() => undefined);
  }
  return sources;
}
