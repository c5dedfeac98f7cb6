import { describe, expect, it } from 'vitest';
import { capMarkdown, extractHtmlTitle, extractLlmMarkdown, firstMarkdownHeading, headingAnchor } from './page-markdown';

const MARKDOWN = '# Stack\n\nUse `a < b` & "quotes" \'too\'.';
const ESCAPED = '# Stack\n\nUse `a &lt; b` &amp; &quot;quotes&quot; &#39;too&#39;.';

describe('extractLlmMarkdown', () => {
  it('reads and unescapes data-content', () => {
    expect(extractLlmMarkdown(`<body><div class="md"><p>x</p></div><div id="llm-markdown-content" data-content="${ESCAPED}" hidden></div></body>`)).toBe(MARKDOWN);
  });

  it('does not depend on attribute order, quotes or case', () => {
    const singleQuoted = ESCAPED.replace(/&#39;/g, '&apos;');
    expect(extractLlmMarkdown(`<DIV hidden data-content='${singleQuoted}' ID=llm-markdown-content></DIV>`)).toBe(MARKDOWN);
    expect(extractLlmMarkdown(`<div\n  data-content="${ESCAPED}"\n  id="llm-markdown-content"\n>`)).toBe(MARKDOWN);
  });

  it('keeps ">" and "<div" inside quoted values from confusing the parser', () => {
    const html = `<div title="a > b <div id=&quot;x&quot;>" data-x='<div id="llm-markdown-content" data-content="decoy">'></div><div data-content="real > content" id="llm-markdown-content"></div>`;
    expect(extractLlmMarkdown(html)).toBe('real > content');
  });

  it('returns undefined when the page has no such div', () => {
    expect(extractLlmMarkdown('<html><body><div id="content">no markdown</div></body></html>')).toBeUndefined();
    expect(extractLlmMarkdown('<div id="llm-markdown-content"></div>')).toBeUndefined();
    expect(extractLlmMarkdown('<div data-content="unterminated')).toBeUndefined();
  });
});

describe('titles', () => {
  it('reads the page title from the markdown or the <title>', () => {
    expect(firstMarkdownHeading('intro\n# Stack dependencies\n\n## More')).toBe('Stack dependencies');
    expect(extractHtmlTitle('<title>Stack &amp; runs - Spacelift Documentation</title>')).toBe('Stack & runs');
  });

  it('makes anchors the way mkdocs does', () => {
    expect(headingAnchor('VPC - Infra - App')).toBe('vpc---infra---app');
    expect(headingAnchor('1. Generate worker private key')).toBe('1-generate-worker-private-key');
  });
});

describe('capMarkdown', () => {
  const url = 'https://docs.example.test/page.html';
  const paragraph = (label: string) => `${label} ${'lorem ipsum '.repeat(40)}`.trim();
  const long = ['# Page', paragraph('intro'), '## Middle', paragraph('middle'), '## Far section', paragraph('far')].join('\n\n');

  it('leaves short markdown alone', () => {
    expect(capMarkdown('# Short', 100, { url })).toEqual({ markdown: '# Short', truncated: false });
  });

  it('cuts at a line break and says where the rest is', () => {
    const { markdown, truncated } = capMarkdown(long, 700, { url });
    expect(truncated).toBe(true);
    expect(markdown).toMatch(/^# Page\n/);
    expect(markdown).not.toContain('## Far section');
    expect(markdown).toMatch(/\n\n\[Cut: this is the first \d+ characters of [\d,]+\. Full page: https:\/\/docs\.example\.test\/page\.html\]$/);
  });

  it('starts at the requested section when it lies beyond the cut', () => {
    const { markdown } = capMarkdown(long, 700, { url, anchor: 'far-section' });
    expect(markdown.startsWith('## Far section\n')).toBe(true);
    expect(markdown).toContain('[Cut: this is characters');
  });
});
