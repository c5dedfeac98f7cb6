// The docs site's search index (mkdocs-material's search/search_index.json), made
// compact and searchable with MiniSearch.

import MiniSearch, { type Options } from 'minisearch';
import { htmlToText } from './html';
import { processTerm, tokenize } from './terms';

/** One entry of mkdocs' index: a page ("concepts/stack.html") or a heading ("…#stack-state"). */
export interface MkDocsSearchEntry {
  location: string;
  title: string;
  text: string;
}

export interface MkDocsSearchIndex {
  config?: { lang?: string[]; separator?: string; pipeline?: string[] };
  docs: MkDocsSearchEntry[];
}

export interface DocEntry {
  /** Position in the normalized list; MiniSearch's document id. */
  id: number;
  /** Relative to the docs base, with "#anchor" for headings ("" is the home page). */
  location: string;
  /** The entry's own title: the page's for a page, the heading's for a heading. */
  title: string;
  pageTitle: string;
  /** The heading's title; absent on page entries. */
  section?: string;
  /** Plain text. */
  text: string;
}

/** What search needs: the entries and their MiniSearch index, plus where the pages live. */
export interface DocsSearchIndex {
  docsBase: string;
  entries: readonly DocEntry[];
  miniSearch: MiniSearch<DocEntry>;
}

export function isMkDocsSearchIndex(value: unknown): value is MkDocsSearchIndex {
  return !!value && typeof value === 'object' && Array.isArray((value as { docs?: unknown }).docs);
}

/** "Stack dependencies › Defining stack dependencies", or the page title alone. */
export function displayTitle(entry: Pick<DocEntry, 'pageTitle' | 'section'>): string {
  return entry.section ? `${entry.pageTitle} › ${entry.section}` : entry.pageTitle;
}

export function pageLocation(location: string): string {
  const hash = location.indexOf('#');
  return hash === -1 ? location : location.slice(0, hash);
}

/** Plain-text entries with their page titles attached; malformed entries are skipped. */
export function normalizeIndex(raw: unknown): DocEntry[] {
  if (!isMkDocsSearchIndex(raw)) throw new Error('Not a mkdocs search index: expected { docs: [{ location, title, text }] }');
  const wellFormed = raw.docs.filter(
    (doc): doc is MkDocsSearchEntry =>
      !!doc && typeof doc.location === 'string' && typeof doc.title === 'string' && typeof doc.text === 'string',
  );
  const pageTitles = new Map<string, string>();
  for (const doc of wellFormed) {
    if (!doc.location.includes('#')) pageTitles.set(doc.location, htmlToText(doc.title));
  }
  return wellFormed.map((doc, id) => {
    const title = htmlToText(doc.title);
    const text = htmlToText(doc.text);
    const page = pageLocation(doc.location);
    if (page === doc.location) return { id, location: doc.location, title, pageTitle: title, text };
    const pageTitle = pageTitles.get(page) ?? titleFromLocation(page);
    return { id, location: doc.location, title, pageTitle, section: title, text };
  });
}

/** A heading whose page has no entry still gets a page title: "stack-dependencies.html" → "Stack dependencies". */
function titleFromLocation(location: string): string {
  const name = location.replace(/\/$/, '').split('/').pop()?.replace(/\.html$/, '') ?? '';
  const words = name.replace(/[-_]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Spacelift documentation';
}

// Not serialised by toJSON: loadSearchIndex must be given the very same options.
const INDEX_OPTIONS: Options<DocEntry> = {
  fields: ['title', 'pageTitle', 'text'],
  storeFields: [],
  tokenize,
  processTerm,
  // A page entry's title is already in `title`; counting it twice would over-rank pages.
  extractField: (entry, field) => (field === 'pageTitle' ? (entry.section ? entry.pageTitle : '') : entry[field as keyof DocEntry]),
  searchOptions: {
    // Page titles name the topic while heading titles are often generic ("Examples"), so
    // a heading weighs its page's title as much as its own.
    boost: { title: 3, pageTitle: 3, text: 1 },
    // Prefixes of 1–2 letters match half the vocabulary.
    prefix: (term) => term.length >= 3,
    fuzzy: (term) => (term.length >= 4 ? 0.2 : false),
    maxFuzzy: 2,
    combineWith: 'AND',
  },
};

export function buildSearchIndex(entries: readonly DocEntry[]): MiniSearch<DocEntry> {
  const miniSearch = new MiniSearch<DocEntry>(INDEX_OPTIONS);
  miniSearch.addAll(entries);
  return miniSearch;
}

/** The inverse of JSON.stringify(miniSearch). */
export function loadSearchIndex(json: string): MiniSearch<DocEntry> {
  return MiniSearch.loadJSON<DocEntry>(json, INDEX_OPTIONS);
}
