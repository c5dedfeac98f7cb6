import type { RouteTarget } from '../spacelift/routes';

/** What the page reader returns: plain data, read in the content script. */
export interface PageSnapshot {
  url: string;
  title: string;
  /** The Spacelift entity the route names (stack id, run id, ...), or null on a page we do not know. */
  entity: RouteTarget | null;
  headings: string[];
  /** The main content as compact markdown, bounded in size. */
  content: string;
  selection: string;
  /** Visible error messages (alerts, failed states). */
  errors: string[];
  truncated: boolean;
}

export const PAGE_CONTENT_LIMIT = 12_000;
