// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { readPage } from './read-page';

const HOST = 'infra-assistant-panel';

function page(html: string, path = '/stack/prod-eks/run/01HXYZ') {
  window.history.replaceState(null, '', path);
  document.title = 'prod-eks · Run 01HXYZ · Spacelift';
  document.body.innerHTML = html;
  return readPage(document, HOST, 2_000);
}

afterEach(() => {
  document.body.innerHTML = '';
  window.getSelection()?.removeAllRanges();
});

describe('page reader', () => {
  it('reads the main content as compact markdown: headings, lists, tables as tables, code, links', () => {
    const snapshot = page(`
      <nav>Stacks Policies Contexts</nav>
      <main>
        <h1>Run 01HXYZ</h1>
        <p>Triggered by <strong>ada</strong> on <a href="/stack/prod-eks">prod-eks</a>.</p>
        <ul><li>Planning</li><li>Applying</li></ul>
        <table>
          <tr><th>Resource</th><th>Change</th></tr>
          <tr><td>aws_iam_role.ci</td><td>create</td></tr>
          <tr><td>a | b</td><td>delete</td></tr>
        </table>
        <pre>Error: AccessDenied
  on main.tf line 12</pre>
        <button>Retry</button>
        <script>window.secret = 1</script>
      </main>`);
    expect(snapshot.content).toBe(
      [
        '# Run 01HXYZ',
        '',
        'Triggered by **ada** on [prod-eks](/stack/prod-eks).',
        '',
        '- Planning',
        '- Applying',
        '',
        '| Resource | Change |',
        '| --- | --- |',
        '| aws_iam_role.ci | create |',
        '| a \\| b | delete |',
        '',
        '```',
        'Error: AccessDenied',
        '  on main.tf line 12',
        '```',
      ].join('\n'),
    );
    // Only <main>: the app's navigation, buttons and scripts are not content.
    expect(snapshot.content).not.toMatch(/Policies|Retry|secret/);
    expect(snapshot.truncated).toBe(false);
  });

  it('names the entity of the route, and keeps the title and headings', () => {
    const snapshot = page('<main><h1>Run</h1><h2>Logs</h2></main>');
    expect(snapshot.entity).toEqual({ kind: 'run', stackId: 'prod-eks', runId: '01HXYZ' });
    expect(snapshot.title).toBe('prod-eks · Run 01HXYZ · Spacelift');
    expect(snapshot.headings).toEqual(['Run', 'Logs']);
    expect(snapshot.url).toMatch(/\/stack\/prod-eks\/run\/01HXYZ$/);
  });

  it('never reads the assistant panel itself, nor hidden parts of the page', () => {
    const snapshot = page(`
      <main>
        <p>Visible text.</p>
        <p hidden>Hidden by attribute.</p>
        <div aria-hidden="true">Hidden from assistive tech.</div>
        <div style="display: none"><h2>A closed menu</h2><p>Hidden by the page's CSS.</p></div>
        <p style="visibility: hidden">Invisible.</p>
        <${HOST}><p>The assistant's own answer</p><div role="alert">panel error</div></${HOST}>
      </main>`);
    expect(snapshot.content).toBe('Visible text.');
    expect(snapshot.errors).toEqual([]);
  });

  it("gives the user's selection and the page's visible errors", () => {
    page(`<main><p id="p">The run failed because the state lock was held.</p><div role="alert">  Run   FAILED:
      lock held </div><span data-state="FAILED">FAILED</span></main>`);
    const text = document.getElementById('p')!.firstChild!;
    const range = document.createRange();
    range.setStart(text, 4);
    range.setEnd(text, 19);
    window.getSelection()!.addRange(range);
    const snapshot = readPage(document, HOST, 2_000);
    expect(snapshot.selection).toBe('run failed beca');
    expect(snapshot.errors).toEqual(['Run FAILED: lock held', 'FAILED']);
  });

  it('bounds what it returns: content, title and each heading', () => {
    document.title = 'T'.repeat(5_000);
    document.body.innerHTML = `<main><h1>${'H'.repeat(5_000)}</h1>${'<p>A long paragraph of run output. </p>'.repeat(500)}</main>`;
    const snapshot = readPage(document, HOST, 2_000);
    expect(snapshot.truncated).toBe(true);
    expect(snapshot.content.length).toBeLessThanOrEqual(2_002);
    expect(snapshot.content.endsWith('\n…')).toBe(true);
    expect(snapshot.title.length).toBeLessThanOrEqual(300);
    expect(snapshot.headings[0]!.length).toBeLessThanOrEqual(200);
  });
});
