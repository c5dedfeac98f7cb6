import { describe, expect, it } from 'vitest';
import { buildSearchIndex, displayTitle, loadSearchIndex, normalizeIndex } from './docs-index';
import { decodeHtmlEntities, htmlToText } from './html';
import { processTerm } from './terms';

const RAW_INDEX = {
  config: { lang: ['en'], separator: '[\\s\\-]+', pipeline: ['stopWordFilter'] },
  docs: [
    {
      location: 'concepts/stack/stack-dependencies.html',
      title: 'Stack dependencies',
      text: '<p>A stack can <strong>depend</strong> on other stacks &amp; modules.</p>\n\n<p>See <a href="x.html">this</a>.</p>',
    },
    {
      location: 'concepts/stack/stack-dependencies.html#defining-dependencies',
      title: 'Defining <code>dependencies</code>',
      text: 'Use the&nbsp;<code>depends_on</code> &lt;field&gt; &#8212; or &#x2192; the UI.',
    },
    { location: 'orphans/lonely-page.html#a-heading', title: 'A heading', text: 'No page entry for this one.' },
    { location: 'broken.html', title: 42, text: 'skipped' },
  ],
};

describe('normalizeIndex', () => {
  const entries = normalizeIndex(RAW_INDEX);

  it('strips HTML, decodes entities and collapses whitespace', () => {
    expect(entries[0]!.text).toBe('A stack can depend on other stacks & modules. See this.');
    expect(entries[1]!.text).toBe('Use the depends_on <field> — or → the UI.');
    expect(entries[1]!.title).toBe('Defining dependencies');
  });

  it('gives heading entries their page title and section, and page entries none', () => {
    expect(entries[0]).toMatchObject({ id: 0, title: 'Stack dependencies', pageTitle: 'Stack dependencies' });
    expect(entries[0]!.section).toBeUndefined();
    expect(entries[1]).toMatchObject({ id: 1, pageTitle: 'Stack dependencies', section: 'Defining dependencies' });
    expect(displayTitle(entries[1]!)).toBe('Stack dependencies › Defining dependencies');
    expect(displayTitle(entries[0]!)).toBe('Stack dependencies');
  });

  it('names a page without an entry after its file, and skips malformed entries', () => {
    expect(entries[2]!.pageTitle).toBe('Lonely page');
    expect(entries).toHaveLength(3);
  });

  it('rejects something that is not a mkdocs index', () => {
    expect(() => normalizeIndex({ pages: [] })).toThrow(/Not a mkdocs search index/);
    expect(() => normalizeIndex(null)).toThrow(/Not a mkdocs search index/);
  });
});

describe('htmlToText', () => {
  it('keeps code that only looks like markup', () => {
    expect(htmlToText('kubectl apply -f - <<EOF kind: Secret EOF')).toBe('kubectl apply -f - <<EOF kind: Secret EOF');
    expect(htmlToText('clock[0] <= 4 and <EntityDescriptor ID="x">')).toBe('clock[0] <= 4 and <EntityDescriptor ID="x">');
    expect(htmlToText('label it autoattach:<label> to attach')).toBe('label it autoattach:<label> to attach');
  });

  it('separates words at block tags and joins them across inline tags', () => {
    expect(htmlToText('<li>one</li><li>two</li>')).toBe('one two');
    expect(htmlToText('<code>stack</code>s<br>next')).toBe('stacks next');
  });

  it('decodes entities once only', () => {
    expect(decodeHtmlEntities('&amp;lt;b&amp;gt; &quot;q&quot; &#39;s&#39; &unknown;')).toBe('&lt;b&gt; "q" \'s\' &unknown;');
  });
});

describe('processTerm', () => {
  it('drops stop words and folds plurals', () => {
    expect(processTerm('The')).toBeNull();
    expect(processTerm('Policies')).toBe('policy');
    expect(processTerm('stacks')).toBe('stack');
    expect(processTerm('access')).toBe('access');
    expect(processTerm('status')).toBe('status');
    expect(processTerm('s3')).toBe('s3');
  });
});

describe('buildSearchIndex', () => {
  it('survives serialisation: a restored index answers the same', () => {
    const entries = normalizeIndex(RAW_INDEX);
    const built = buildSearchIndex(entries);
    const restored = loadSearchIndex(JSON.stringify(built));
    expect(restored.search('depends').map((hit) => hit.id)).toEqual(built.search('depends').map((hit) => hit.id));
    expect(restored.documentCount).toBe(3);
  });
});
