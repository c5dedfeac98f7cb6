import { Component, memo, useMemo, type MouseEvent, type ReactNode } from 'react';
import ReactMarkdown, { type Components, type ExtraProps } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remend from 'remend';
import { CodeBlock } from './CodeBlock';
import { useMarkdownBlocks } from '../hooks/useMarkdownBlocks';

/** Go to a path on the current page's origin, inside the app (see lib/page/navigate-in-page.ts). */
export type Navigate = (path: string) => void;

interface MarkdownProps {
  /** Markdown from the model: untrusted. */
  text: string;
  /** Still arriving: complete half-written syntax (`**bold`, `` `code ``, `[link](ht`) in the last block. */
  streaming?: boolean;
  /** Called with the path of a same-origin link the user clicks. Keep it stable (memoised blocks depend on it). */
  onNavigate: Navigate;
}

/**
 * An assistant answer as GitHub-flavoured markdown, cheap to re-render while it
 * streams: the text is split into top-level blocks, and every block but the one
 * still growing is memoised on its source, so a new token re-parses one block.
 *
 * Safe for untrusted text: raw HTML is shown as text, never as elements; links
 * are either in-app navigation (same origin) or a new tab (other http(s)), any
 * other scheme is plain text; images are not loaded (a model-written image URL
 * could carry data out): they show as a link.
 */
export const Markdown = memo(function Markdown({ text, streaming = false, onNavigate }: MarkdownProps) {
  const blocks = useMarkdownBlocks(text);
  const components = useMemo(() => markdownComponents(onNavigate), [onNavigate]);
  const groups: number[] = [];
  for (let start = 0; start < blocks.length; start += GROUP_SIZE) groups.push(start);
  return (
    <div className="ia-text ia-md" data-testid="ia-markdown">
      {groups.map((start) => (
        <BlockGroup
          key={start}
          sources={blocks.slice(start, start + GROUP_SIZE)}
          healLast={streaming && start + GROUP_SIZE >= blocks.length}
          components={components}
        />
      ))}
    </div>
  );
});

/**
 * Blocks in groups: a long answer has hundreds of blocks, and a streaming one
 * re-renders on every token. Finished groups compare equal (same strings) and
 * are skipped whole, so a token costs the last group, not every block; and a
 * group scrolled out of view is not laid out or painted (content-visibility).
 */
const GROUP_SIZE = 16;

interface BlockGroupProps {
  sources: string[];
  /** The group holds the block still growing: heal its half-written syntax. */
  healLast: boolean;
  components: Components;
}

const BlockGroup = memo(
  function BlockGroup({ sources, healLast, components }: BlockGroupProps) {
    return (
      <div className="ia-md-group">
        {sources.map((source, index) => (
          <BlockBoundary key={index} source={source}>
            <MarkdownBlock source={healLast && index === sources.length - 1 ? heal(source) : source} components={components} />
          </BlockBoundary>
        ))}
      </div>
    );
  },
  (a, b) => a.healLast === b.healLast && a.components === b.components && a.sources.length === b.sources.length && a.sources.every((s, i) => s === b.sources[i]),
);

const REMARK_PLUGINS = [
  // A single ~ is not strikethrough: "~5 min to ~10 min" is common in answers.
  [remarkGfm, { singleTilde: false }],
] satisfies NonNullable<Parameters<typeof ReactMarkdown>[0]['remarkPlugins']>;

const MarkdownBlock = memo(function MarkdownBlock({ source, components }: { source: string; components: Components }) {
  // react-markdown never creates elements from raw HTML (no rehype-raw): it turns it
  // into text, and its default urlTransform empties javascript:/data:/vbscript: URLs.
  return (
    <ReactMarkdown remarkPlugins={REMARK_PLUGINS} components={components}>
      {source}
    </ReactMarkdown>
  );
});

/** Only the inline-code pass of remend: code spans close first, as nothing nests inside them. */
const CODE_SPANS_ONLY = {
  inlineCode: true,
  bold: false,
  italic: false,
  boldItalic: false,
  strikethrough: false,
  links: false,
  images: false,
  katex: false,
  singleTilde: false,
  setextHeadings: false,
  comparisonOperators: false,
  htmlTags: false,
} as const;

/**
 * Close what a half-streamed block leaves open (`**bold`, `` `code ``, `[link](ht`),
 * so it renders as it will end up rather than as raw syntax. Two passes because
 * remend closes bold before code: "**a `b" would become "**a `b**`".
 */
function heal(source: string): string {
  try {
    return remend(remend(source, CODE_SPANS_ONLY), { inlineCode: false, katex: false, linkMode: 'text-only' });
  } catch {
    return source;
  }
}

export type LinkTarget =
  | { kind: 'internal'; href: string; path: string }
  | { kind: 'external'; href: string }
  | { kind: 'none' };

/**
 * Where a link from the model may go, judged against the page it is shown on:
 * a path or URL on the page's origin is in-app navigation; another http(s) URL
 * opens in a new tab; anything else (javascript:, data:, mailto:, #anchors,
 * unparseable) is no link at all.
 */
export function classifyLink(href: string | undefined, base: string = window.location.href): LinkTarget {
  const value = href?.trim();
  if (!value || value.startsWith('#')) return { kind: 'none' };
  let url: URL;
  let origin: string;
  try {
    url = new URL(value, base);
    origin = new URL(base).origin;
  } catch {
    return { kind: 'none' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'none' };
  if (url.origin === origin) return { kind: 'internal', href: url.href, path: `${url.pathname}${url.search}${url.hash}` };
  return { kind: 'external', href: url.href };
}

function markdownComponents(onNavigate: Navigate): Components {
  return {
    a: ({ href, title, children }) => (
      <MarkdownLink href={href} title={title} onNavigate={onNavigate}>
        {children}
      </MarkdownLink>
    ),
    img: ({ src, alt }) => (
      <MarkdownLink href={typeof src === 'string' ? src : undefined} onNavigate={onNavigate}>
        {alt ? `Image: ${alt}` : 'Image'}
      </MarkdownLink>
    ),
    pre: ({ node, children }) => {
      const code = codeOf(node);
      return code ? <CodeBlock code={code.text} language={code.language} /> : <pre>{children}</pre>;
    },
    table: ({ children }) => (
      <div className="ia-table-wrap">
        <table>{children}</table>
      </div>
    ),
  };
}

interface MarkdownLinkProps {
  href: string | undefined;
  title?: string;
  onNavigate: Navigate;
  children: ReactNode;
}

function MarkdownLink({ href, title, onNavigate, children }: MarkdownLinkProps) {
  const target = classifyLink(href);
  if (target.kind === 'none') return <span className="ia-link-text">{children}</span>;
  if (target.kind === 'external') {
    return (
      <a href={target.href} title={title} target="_blank" rel="noopener noreferrer" className="ia-link-external">
        {children}
      </a>
    );
  }
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // Cmd/Ctrl/Shift-click and middle-click keep their browser meaning (a new tab or window).
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate(target.path);
  };
  return (
    <a href={target.href} title={title} onClick={open} className="ia-link-internal">
      {children}
    </a>
  );
}

/** The text and language of a `<pre><code class="language-x">` from a fenced or indented code block. */
function codeOf(node: ExtraProps['node']): { text: string; language?: string } | undefined {
  const code = node?.children[0];
  if (!code || code.type !== 'element' || code.tagName !== 'code') return undefined;
  const classes = code.properties.className;
  const language = Array.isArray(classes)
    ? classes.map(String).find((name) => name.startsWith('language-'))?.slice('language-'.length)
    : undefined;
  return { text: textOf(code).replace(/\n$/, ''), language: language || undefined };
}

type HastNode = NonNullable<ExtraProps['node']>['children'][number];

function textOf(node: HastNode): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

/**
 * If a block fails to render (a bug on some odd input), show its source as text
 * instead of taking the panel down. Tries again when the source changes.
 */
interface BoundaryState {
  failed: boolean;
  source: string;
}

class BlockBoundary extends Component<{ source: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false, source: this.props.source };

  static getDerivedStateFromProps(props: { source: string }, state: BoundaryState): BoundaryState | null {
    return props.source === state.source ? null : { failed: false, source: props.source };
  }

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? <p className="ia-md-plain">{this.props.source}</p> : this.props.children;
  }
}
