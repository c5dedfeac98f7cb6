import { createPageContextTool, type PageContextDeps } from '../tools/page-context';

export type AskToolDeps = PageContextDeps;

/** Ask mode: read-only tools only. */
export function createAskTools(deps: AskToolDeps) {
  return {
    page_context: createPageContextTool(deps),
  };
}
