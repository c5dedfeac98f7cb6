// The docs site's content model, built either from the sandbox's own corpus or from
// a real mkdocs-material search index, and the search index served from it.

import type { DocPage } from './corpus';

export interface SearchIndexEntry {
  location: string;
  title: string;
  text: string;
}

export interface SearchIndex {
  config: { lang: string[]; separator: string; pipeline: string[] };
  docs: SearchIndexEntry[];
}

export interface SitePage {
  location: string;
  title: string;
  /** Markdown before the first heading. */
  intro: string;
  sections: { anchor: string; title: string; markdown: string }[];
}

/** Same settings as docs.spacelift.io's index. */
export const SEARCH_CONFIG: SearchIndex['config'] = {
  lang: ['en'],
  separator: '[\\s\\-]+',
  pipeline: ['stopWordFilter'],
};

/** Heading anchors the way mkdocs' toc extension makes them ("1. Stack details" → "1-stack-details"). */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s-]+/g, '-');
}

/** Search index text is plain text: markdown markers dropped, whitespace collapsed. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/^```\w*$/gm, '')
    .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export function pagesFromCorpus(corpus: readonly DocPage[]): SitePage[] {
  return corpus.map((page) => ({
    location: page.location,
    title: page.title,
    intro: page.markdown,
    sections: page.sections.map((section) => ({ anchor: slugify(section.title), ...section })),
  }));
}

export function searchIndexFor(pages: readonly SitePage[]): SearchIndex {
  const docs: SearchIndexEntry[] = [];
  for (const page of pages) {
    docs.push({ location: page.location, title: page.title, text: markdownToPlainText(page.intro) });
    for (const section of page.sections) {
      docs.push({ location: `${page.location}#${section.anchor}`, title: section.title, text: markdownToPlainText(section.markdown) });
    }
  }
  return { config: SEARCH_CONFIG, docs };
}

/**
 * Rebuilds pages from a real index: an entry without "#" starts a page, entries with
 * "#anchor" are its headings. Their text is plain, so it serves as markdown as is.
 */
export function pagesFromSearchIndex(index: SearchIndex): SitePage[] {
  const pages = new Map<string, SitePage>();
  const pageFor = (location: string, title: string) => {
    let page = pages.get(location);
    if (!page) {
      page = { location, title, intro: '', sections: [] };
      pages.set(location, page);
    }
    return page;
  };
  for (const entry of index.docs) {
    const hash = entry.location.indexOf('#');
    if (hash === -1) {
      const page = pageFor(entry.location, entry.title);
      page.title = entry.title;
      page.intro = entry.text;
    } else {
      const location = entry.location.slice(0, hash);
      pageFor(location, entry.title).sections.push({ anchor: entry.location.slice(hash + 1), title: entry.title, markdown: entry.text });
    }
  }
  return [...pages.values()];
}

export function isSearchIndex(value: unknown): value is SearchIndex {
  if (!value || typeof value !== 'object') return false;
  const { docs } = value as { docs?: unknown };
  return (
    Array.isArray(docs) &&
    docs.every(
      (doc) =>
        doc &&
        typeof doc === 'object' &&
        typeof (doc as SearchIndexEntry).location === 'string' &&
        typeof (doc as SearchIndexEntry).title === 'string' &&
        typeof (doc as SearchIndexEntry).text === 'string',
    )
  );
}

/** The markdown a page offers to LLMs (the real site's llm-markdown-content). */
export function pageMarkdown(page: SitePage): string {
  const parts = [`# ${page.title}`];
  if (page.intro) parts.push(page.intro);
  for (const section of page.sections) {
    parts.push(`## ${section.title}`);
    if (section.markdown) parts.push(section.markdown);
  }
  return parts.join('\n\n') + '\n';
}
