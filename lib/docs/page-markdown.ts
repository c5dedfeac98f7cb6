// Reading a docs page's markdown out of its HTML, without a DOM (service workers have none).

import { decodeHtmlEntities } from './html';

const MARKDOWN_DIV_ID = 'llm-markdown-content';

/** The markdown mkdocs embeds as `<div id="llm-markdown-content" data-content="…">`, unescaped. */
export function extractLlmMarkdown(html: string): string | undefined {
  const divStart = /<div[\s>/]/gi;
  for (let found = divStart.exec(html); found; found = divStart.exec(html)) {
    const tag = parseStartTag(html, found.index);
    if (!tag) continue;
    if (tag.attributes.get('id') === MARKDOWN_DIV_ID) {
      const content = tag.attributes.get('data-content');
      return content === undefined ? undefined : decodeHtmlEntities(content);
    }
    // Continue after the tag, so "<div" inside its attribute values is never mistaken for a tag.
    divStart.lastIndex = tag.end;
  }
  return undefined;
}

/** The page's <title>, without the site name mkdocs appends. */
export function extractHtmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([^<]*)<\/title>/i.exec(html);
  const title = match ? decodeHtmlEntities(match[1]!).replace(/\s+-\s+Spacelift Documentation\s*$/i, '').trim() : '';
  return title || undefined;
}

/** The text of the first "# Heading" line. */
export function firstMarkdownHeading(markdown: string): string | undefined {
  return /^#\s+(.+?)\s*#*\s*$/m.exec(markdown)?.[1];
}

interface StartTag {
  attributes: Map<string, string>;
  /** Index just past the closing ">". */
  end: number;
}

/** Parses `<name attr="v" attr='v' attr=v attr>` at `start`, honouring quotes (which may hold ">"). */
function parseStartTag(html: string, start: number): StartTag | undefined {
  const nameMatch = /^<[a-zA-Z][\w-]*/.exec(html.slice(start, start + 64));
  if (!nameMatch) return undefined;
  const attributes = new Map<string, string>();
  let at = start + nameMatch[0].length;
  while (at < html.length) {
    while (at < html.length && /[\s/]/.test(html[at]!)) at++;
    if (html[at] === '>') return { attributes, end: at + 1 };
    const nameStart = at;
    while (at < html.length && !/[\s/>=]/.test(html[at]!)) at++;
    const name = html.slice(nameStart, at).toLowerCase();
    while (at < html.length && /\s/.test(html[at]!)) at++;
    let value = '';
    if (html[at] === '=') {
      at++;
      while (at < html.length && /\s/.test(html[at]!)) at++;
      const quote = html[at];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, at + 1);
        if (close === -1) return undefined;
        value = html.slice(at + 1, close);
        at = close + 1;
      } else {
        const valueStart = at;
        while (at < html.length && !/[\s>]/.test(html[at]!)) at++;
        value = html.slice(valueStart, at);
      }
    }
    // The first occurrence of an attribute wins, as in browsers.
    if (name && !attributes.has(name)) attributes.set(name, value);
  }
  return undefined;
}

export interface CappedMarkdown {
  markdown: string;
  truncated: boolean;
}

/**
 * At most ~`maxChars` characters, cut at a line break, with a note saying so. When
 * the page was asked for at an `#anchor` beyond the cut, the extract starts at that
 * section instead, since that is what the reader came for.
 */
export function capMarkdown(markdown: string, maxChars: number, { url, anchor }: { url: string; anchor?: string }): CappedMarkdown {
  if (markdown.length <= maxChars) return { markdown, truncated: false };
  const sectionStart = anchor ? findSection(markdown, anchor) : -1;
  const start = sectionStart > maxChars / 2 ? sectionStart : 0;
  let end = start + maxChars;
  const lineBreak = markdown.lastIndexOf('\n', end);
  if (lineBreak > start + maxChars / 2) end = lineBreak;
  const extract = markdown.slice(start, end).trimEnd();
  const where = start > 0 ? `characters ${start.toLocaleString('en-US')}–${end.toLocaleString('en-US')}` : `the first ${end.toLocaleString('en-US')} characters`;
  const note = `[Cut: this is ${where} of ${markdown.length.toLocaleString('en-US')}. Full page: ${url}]`;
  return { markdown: `${extract}\n\n${note}`, truncated: true };
}

/** Offset of the markdown heading whose anchor is `anchor`, or -1. */
function findSection(markdown: string, anchor: string): number {
  const wanted = sameAnchor(anchor);
  for (const match of markdown.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    if (sameAnchor(headingAnchor(match[1]!)) === wanted) return match.index;
  }
  return -1;
}

/** Python-Markdown's heading ids: "VPC - Infra - App" → "vpc---infra---app". */
export function headingAnchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/\s+/g, '-');
}

// Slugifiers differ on runs of dashes ("a---b" vs "a-b"); compare without them.
function sameAnchor(anchor: string): string {
  return anchor.toLowerCase().replace(/-+/g, '-');
}
