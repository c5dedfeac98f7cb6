// Small HTML helpers for a service worker, which has no DOMParser.

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  rarr: '→',
  larr: '←',
  middot: '·',
  bull: '•',
  times: '×',
  deg: '°',
  copy: '©',
  reg: '®',
  trade: '™',
  para: '¶',
  sect: '§',
};

/** Decodes entities in one pass, so "&amp;lt;" becomes "&lt;" and not "<". */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] !== '#') return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    const codePoint = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

// Only real HTML tag names: the docs' code samples contain "<<EOF", "<= 4" and XML
// ("<EntityDescriptor ...>"), which a generic "<...>" pattern would eat.
const HTML_TAG =
  /<(\/?)(a|abbr|article|aside|b|blockquote|br|code|dd|del|details|div|dl|dt|em|figcaption|figure|h[1-6]|hr|i|img|input|ins|kbd|label|li|mark|nav|ol|p|pre|section|small|span|strong|sub|summary|sup|svg|path|table|tbody|td|tfoot|th|thead|tr|u|ul)(\s[^<>]*)?\/?>/gi;
const CLOSING_TAG = /<\/([a-z][a-z\d]*)\s*>/gi;
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'path']);

// Inline tags vanish ("<code>stack</code>s" stays one word); the others separate words.
const INLINE_TAGS = new Set(['a', 'abbr', 'b', 'code', 'del', 'em', 'i', 'ins', 'kbd', 'mark', 'small', 'span', 'strong', 'sub', 'sup', 'u']);

/** Plain text from an HTML-ish fragment: tags dropped, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  return decodeHtmlEntities(html.includes('<') ? stripTags(html) : html)
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A bare start tag counts as markup only when it is void or closed somewhere: plain
 * text uses placeholders like "autoattach:<label>" that happen to be tag names.
 */
function stripTags(html: string): string {
  const closed = new Set(Array.from(html.matchAll(CLOSING_TAG), (match) => match[1]!.toLowerCase()));
  return html.replace(HTML_TAG, (tag, slash: string, tagName: string, attributes: string | undefined) => {
    const name = tagName.toLowerCase();
    const isMarkup = slash === '/' || attributes !== undefined || VOID_TAGS.has(name) || closed.has(name);
    if (!isMarkup) return tag;
    return INLINE_TAGS.has(name) ? '' : ' ';
  });
}
