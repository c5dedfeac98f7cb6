import type { GraphQLSchema } from 'graphql';
import type { SpaceliftClient } from '../spacelift/graphql-client';
import { createPageContextTool } from '../tools/page-context';
import { createNavigateTool } from '../tools/navigate';
import { createQueryGraphqlTool } from '../tools/query-graphql';
import { createInspectGraphqlTool } from '../tools/inspect-graphql';
import { createReadDocsPageTool, createSearchDocsTool, type DocsDeps } from '../tools/search-docs';
import type { PageSnapshot } from '../page/page-snapshot';
import type { NavigationResult } from '../page/navigate-in-page';

export interface AskToolDeps {
  origin: string;
  readPage: () => Promise<PageSnapshot>;
  navigate: (path: string) => Promise<NavigationResult>;
  client: SpaceliftClient;
  schema: () => Promise<GraphQLSchema>;
  refreshSchema: () => Promise<GraphQLSchema>;
  docs: () => Promise<DocsDeps>;
}

/** Ask mode: read-only tools only. Nothing here can change the account. */
export function createAskTools(deps: AskToolDeps) {
  const docs: DocsDeps = {
    search: async (query, limit) => (await deps.docs()).search(query, limit),
    readPage: async (url) => (await deps.docs()).readPage(url),
  };
  return {
    page_context: createPageContextTool({ readPage: deps.readPage }),
    navigate: createNavigateTool({ origin: deps.origin, navigate: deps.navigate }),
    search_docs: createSearchDocsTool(docs),
    read_docs_page: createReadDocsPageTool(docs),
    inspect_graphql: createInspectGraphqlTool({ schema: deps.schema, refresh: deps.refreshSchema }),
    query_graphql: createQueryGraphqlTool({ client: deps.client, schema: () => deps.schema().catch(() => undefined) }),
  };
}
