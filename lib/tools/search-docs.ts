import { tool } from 'ai';
import { z } from 'zod';
import { asUntrusted } from '../agent/untrusted';

export interface DocsDeps {
  search(query: string, limit: number): Promise<{ title: string; url: string; snippet: string }[]>;
  readPage(url: string): Promise<{ title: string; url: string; markdown: string }>;
}

/** Search Spacelift's documentation (its own search index, cached in IndexedDB). */
export function createSearchDocsTool(deps: DocsDeps) {
  return tool({
    description:
      'Search the Spacelift documentation. Returns the best matching pages (one result per page: its best-matching section, with a snippet and URL). Use it for how-to and concept questions; then read_docs_page on the most promising URL to answer from the page itself. Cite the URLs you used.',
    inputSchema: z.object({
      query: z.string().min(1).describe('A few keywords, e.g. "stack dependencies outputs"'),
      limit: z.number().int().min(1).max(10).optional(),
    }),
    execute: async ({ query, limit }) => {
      const results = await deps.search(query, limit ?? 5);
      return { query, results: results.map((r) => ({ title: r.title, url: r.url, snippet: r.snippet })) };
    },
    toModelOutput: ({ output }) => ({ type: 'json', value: asUntrusted('spacelift-docs', output) as never }),
  });
}

/** Read one documentation page as markdown, to quote it. */
export function createReadDocsPageTool(deps: DocsDeps) {
  return tool({
    description: 'Read one Spacelift documentation page (a URL from search_docs) as markdown, to answer from it and quote it.',
    inputSchema: z.object({ url: z.string().describe('A docs URL returned by search_docs') }),
    execute: async ({ url }) => deps.readPage(url),
    toModelOutput: ({ output }) => ({ type: 'json', value: asUntrusted('spacelift-docs', output) as never }),
  });
}
