import { describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import { checkReadOnlyQuery } from './read-only-guard';

const schema = buildSchema(`
  type Query { stacks: [Stack!]! stack(id: ID!): Stack viewer: User }
  type Mutation { stackDelete(id: ID!): Stack runTrigger(stack: ID!): Run }
  type Subscription { runUpdated: Run }
  type User { id: ID! name: String }
  type Stack { id: ID! name: String! state: String runs: [Run!]! dependsOn: [Stack!]! }
  type Run { id: ID! state: String stack: Stack }
`);

const reason = (source: string, options = {}) => {
  const result = checkReadOnlyQuery(source, { schema, ...options });
  return result.ok ? 'ok' : result.reason;
};

describe('read-only guard', () => {
  it.each([
    '{ stacks { id name state } }',
    'query Failed { stacks { id runs { id state } } }',
    'query One($id: ID!) { stack(id: $id) { ...S } } fragment S on Stack { id name }',
    '{ __schema { queryType { name } } }',
    '{ stacks { id } }  # a comment with mutation { stackDelete(id: "x") { id } }',
  ])('accepts the query %s', (source) => {
    expect(reason(source)).toBe('ok');
  });

  it('refuses mutations and subscriptions, with or without a name', () => {
    expect(reason('mutation { stackDelete(id: "prod") { id } }')).toMatch(/Only queries.*mutation/);
    expect(reason('mutation Drop { stackDelete(id: "prod") { id } }')).toMatch(/mutation/);
    expect(reason('subscription { runUpdated { id } }')).toMatch(/subscription/);
  });

  it('refuses documents with more than one operation, whatever operationName says', () => {
    const trick = 'query Safe { stacks { id } } mutation Evil { stackDelete(id: "prod") { id } }';
    expect(reason(trick)).toMatch(/exactly one operation/);
    expect(reason(trick, { operationName: 'Safe' })).toMatch(/exactly one operation/);
    expect(reason('{ stacks { id } } { viewer { id } }')).toMatch(/exactly one operation/);
  });

  it('refuses an operationName that does not name the query', () => {
    expect(reason('query A { stacks { id } }', { operationName: 'B' })).toMatch(/does not name/);
    expect(reason('query A { stacks { id } }', { operationName: 'A' })).toBe('ok');
  });

  it('refuses schema definitions, empty and broken documents', () => {
    expect(reason('type Query { x: Int }')).toMatch(/Only queries and fragments/);
    expect(reason('')).toMatch(/does not parse/);
    expect(reason('{ stacks { id }')).toMatch(/does not parse/);
  });

  it('refuses absurd depth, alias amplification and fragment cycles', () => {
    const deep = `{ stacks { ${'dependsOn { '.repeat(20)}id${' }'.repeat(20)} } }`;
    expect(reason(deep)).toMatch(/levels deep/);
    const aliases = `{ ${Array.from({ length: 500 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`;
    expect(reason(aliases)).toMatch(/fields|parse/);
    const cycle = '{ stacks { ...A } } fragment A on Stack { dependsOn { ...B } } fragment B on Stack { dependsOn { ...A } }';
    expect(reason(cycle)).toMatch(/cycle/);
    expect(reason('x'.repeat(30_000))).toMatch(/longer than/);
  });

  it('returns schema errors so the model can correct itself', () => {
    expect(reason('{ stacks { id colour } }')).toMatch(/Cannot query field "colour" on type "Stack"/);
    expect(reason('{ stack { id } }')).toMatch(/argument "id"/);
  });

  it('works without a schema (nothing cached yet) on the structural rules', () => {
    expect(checkReadOnlyQuery('{ anything { at all } }').ok).toBe(true);
    expect(checkReadOnlyQuery('mutation { x }').ok).toBe(false);
  });
});
