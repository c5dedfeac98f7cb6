// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readPageHints, suggestionsFor } from './suggestions';

describe('welcome suggestions', () => {
  it('asks about the failure on a failed run', () => {
    expect(suggestionsFor({ kind: 'run', stackId: 's', runId: 'r' }, { state: 'FAILED' })[0]).toBe('Explain why this run failed');
    expect(suggestionsFor({ kind: 'run', stackId: 's', runId: 'r' }, { state: 'UNCONFIRMED' })[0]).toBe('What will this run change?');
  });

  it('fits stacks, lists and unknown pages', () => {
    expect(suggestionsFor({ kind: 'stack', stackId: 's' }, { state: 'FAILED' })[0]).toBe('Why did the last run of this stack fail?');
    expect(suggestionsFor({ kind: 'stacks' })).toContain('Which stacks failed?');
    expect(suggestionsFor(null)).toContain('What is on this page?');
  });

  it('reads the state from the page header', () => {
    document.body.innerHTML = '<main><h1>prod-eks</h1><span>FAILED</span><p>Scale the node group</p></main>';
    expect(readPageHints(document)).toEqual({ state: 'FAILED' });
    document.body.innerHTML = '<main><h1>prod-network</h1><span>FINISHED</span></main>';
    expect(readPageHints(document)).toEqual({});
  });
});
