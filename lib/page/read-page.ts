import { PAGE_CONTENT_LIMIT, type PageSnapshot } from './page-snapshot';
import { parsePath } from '../spacelift/routes';

/** A title or heading longer than this is cut: a page cannot fill the model's context through one. */
const TITLE_LIMIT = 300;
const HEADING_LIMIT = 200;

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'SVG', 'TEMPLATE', 'IFRAME', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA']);

/**
 * Read what the user is looking at as compact markdown. Runs in the content
 * script (a service worker has no DOM). Our own panel is never read.
 */
export function readPage(doc: Document, ownHostTag: string, limit = PAGE_CONTENT_LIMIT): PageSnapshot {
  const root = doc.querySelector('main') ?? doc.body;
  const markdown = root ? collapse(toMarkdown(root, ownHostTag)) : '';
  const truncated = markdown.length > limit;
  return {
    url: doc.location.href,
    title: clean(doc.title).slice(0, TITLE_LIMIT),
    entity: parsePath(doc.location.pathname),
    headings: [...doc.querySelectorAll('h1, h2, h3')]
      .filter((h) => !h.closest(ownHostTag) && shown(h as HTMLElement))
      .map((h) => clean(h.textContent).slice(0, HEADING_LIMIT))
      .filter(Boolean)
      .slice(0, 30),
    content: truncated ? `${markdown.slice(0, limit)}\n…` : markdown,
    selection: clean(doc.getSelection?.()?.toString() ?? '').slice(0, 2000),
    errors: [...doc.querySelectorAll('[role="alert"], .error, [data-state="FAILED"], [data-testid*="error"]')]
      .filter((e) => !e.closest(ownHostTag) && shown(e as HTMLElement))
      .map((e) => clean(e.textContent).slice(0, 300))
      .filter(Boolean)
      .slice(0, 10),
    truncated,
  };
}

function toMarkdown(node: Node, ownHostTag: string): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.textContent ?? '').replace(/\s+/g, ' ');
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const el = node as HTMLElement;
  if (SKIP.has(el.tagName) || el.localName === ownHostTag || el.hidden || el.getAttribute('aria-hidden') === 'true' || !shown(el)) return '';
  const inner = () => [...el.childNodes].map((c) => toMarkdown(c, ownHostTag)).join('');
  switch (el.tagName) {
    case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6':
      return `\n\n${'#'.repeat(Number(el.tagName[1]))} ${clean(el.textContent)}\n\n`;
    case 'P': case 'SECTION': case 'ARTICLE': case 'HEADER': case 'FOOTER': case 'UL': case 'OL': case 'DL':
      return `\n\n${inner()}\n\n`;
    case 'DIV': case 'NAV':
      return `\n${inner()}\n`;
    case 'BR':
      return '\n';
    case 'LI':
      return `\n- ${clean(inner())}`;
    case 'DT':
      return `\n**${clean(el.textContent)}**`;
    case 'DD':
      return `: ${clean(inner())}`;
    case 'PRE':
      return `\n\n\`\`\`\n${(el.textContent ?? '').trimEnd()}\n\`\`\`\n\n`;
    case 'CODE':
      return `\`${el.textContent ?? ''}\``;
    case 'STRONG': case 'B':
      return `**${inner().trim()}**`;
    case 'A': {
      const text = clean(inner());
      const href = el.getAttribute('href');
      return href && text ? `[${text}](${href})` : text;
    }
    case 'TABLE':
      return `\n\n${tableToMarkdown(el as HTMLTableElement)}\n\n`;
    default:
      return inner();
  }
}

function tableToMarkdown(table: HTMLTableElement): string {
  const rows = [...table.rows].map((row) => [...row.cells].map((cell) => clean(cell.textContent).replace(/\|/g, '\\|')));
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array<string>(width - r.length).fill('')];
  const [head, ...body] = rows;
  return [
    `| ${pad(head ?? []).join(' | ')} |`,
    `| ${Array<string>(width).fill('---').join(' | ')} |`,
    ...body.map((r) => `| ${pad(r).join(' | ')} |`),
  ].join('\n');
}

/**
 * Not hidden by the page's CSS (closed menus, inactive tabs, off-screen templates): what the user sees is
 * what is read. checkVisibility needs no layout for display/visibility; where it is missing, all is read.
 */
function shown(el: HTMLElement): boolean {
  return typeof el.checkVisibility !== 'function' || el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions);
}

function clean(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Squeeze runs of spaces and blank lines, except inside code blocks: a plan's or a log's indentation means something. */
function collapse(markdown: string): string {
  let inCode = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) inCode = !inCode;
      else if (inCode) return line.trimEnd();
      return line.replace(/[ \t]+/g, ' ').trimEnd();
    })
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
