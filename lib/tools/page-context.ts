import { tool } from 'ai';
import { z } from 'zod';
import { asUntrusted } from '../agent/untrusted';
import type { PageSnapshot } from '../page/page-snapshot';

export interface PageContextDeps {
  readPage: () => Promise<PageSnapshot>;
}

/** Read the Spacelift page the user is looking at (in their tab, through the content script). */
export function createPageContextTool(deps: PageContextDeps) {
  return tool({
    description:
      "Read the Spacelift page the user is looking at: its URL, title, headings, main content as markdown, the user's text selection and any visible error messages. Use it when the user refers to 'this page', 'this run' or 'this stack'.",
    inputSchema: z.object({}),
    execute: async () => asUntrusted('spacelift-page', await deps.readPage()),
  });
}
