import { describe, expect, it } from 'vitest';
import { summarizeToolResult } from './tool-summary';

describe('tool card summaries', () => {
  it('counts what a GraphQL query returned and names the first error', () => {
    expect(summarizeToolResult('query_graphql', { data: { stacks: [1, 2, 3], viewer: { id: 'a' } } })).toBe('3 stacks, viewer');
    expect(summarizeToolResult('query_graphql', { data: { stack: null } })).toBe('no stack');
    expect(summarizeToolResult('query_graphql', { data: null, errors: [{ message: 'unauthorized' }] })).toBe('1 error: unauthorized');
  });

  it('summarises docs, navigation, pages and schema answers', () => {
    expect(summarizeToolResult('search_docs', { results: [{ title: 'Stack dependencies' }, { title: 'x' }] })).toBe('2 results · Stack dependencies');
    expect(summarizeToolResult('search_docs', { results: [] })).toBe('no results');
    expect(summarizeToolResult('navigate', { openedPath: '/stack/prod-eks' })).toBe('opened /stack/prod-eks');
    expect(summarizeToolResult('page_context', { untrusted_data: { content: { title: 'prod-eks · Stacks' } } })).toBe('prod-eks · Stacks');
    expect(summarizeToolResult('inspect_graphql', '\ntype Stack {\n  id: ID!\n}')).toBe('type Stack {');
  });

  it('keeps it to one short line', () => {
    expect(summarizeToolResult('read_docs_page', { title: 'x'.repeat(200) }).length).toBeLessThanOrEqual(80);
    expect(summarizeToolResult('query_graphql', undefined)).toBe('');
  });
});
