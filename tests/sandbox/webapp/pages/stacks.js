// /stacks: every stack with its state, space, repository and branch.

import { h } from '../dom.js';
import { labelList, link, loadSpaces, spaceLink, stateBadge, table, timeAgo } from '../components.js';
import { request } from '../graphql-client.js';
import { shortSha } from '../format.js';
import { STACKS } from '../queries.js';

export async function stacksPage() {
  const [{ data }, spaces] = await Promise.all([request(STACKS), loadSpaces()]);
  const stacks = [...(data.stacks ?? [])].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return {
    title: ['Stacks'],
    section: 'stacks',
    breadcrumbs: [{ label: 'Stacks' }],
    content: listPage(
      'Stacks',
      `${stacks.length} stack${stacks.length === 1 ? '' : 's'}`,
      table({
        testid: 'stacks-table',
        rows: stacks,
        empty: 'No stacks yet.',
        columns: [
          {
            label: 'Name',
            cell: (stack) => [
              link(`/stack/${encodeURIComponent(stack.id)}`, stack.name ?? stack.id, { class: 'strong' }),
              stack.description ? h('div', { class: 'muted small' }, stack.description) : null,
            ],
          },
          { label: 'State', cell: (stack) => stateBadge(stack.state) },
          { label: 'Space', cell: (stack) => spaceLink(stack.space, spaces) },
          { label: 'Repository', cell: (stack) => stack.repository },
          { label: 'Branch', cell: (stack) => stack.branch },
          { label: 'Commit', cell: (stack) => h('code', {}, shortSha(stack.trackedCommit?.hash)) },
          { label: 'Labels', cell: (stack) => labelList(stack.labels) },
          { label: 'Updated', cell: (stack) => timeAgo(stack.stateSetAt), className: 'nowrap' },
        ],
      }),
    ),
  };
}

/** The shared shape of list pages: a title bar and a table. */
export function listPage(title, subtitle, body) {
  return h(
    'div',
    { class: 'list-page' },
    h(
      'header',
      { class: 'list-header', dataset: { testid: 'list-header' } },
      h('h1', {}, title),
      subtitle ? h('span', { class: 'muted' }, subtitle) : null,
    ),
    h('div', { class: 'list-body' }, body),
  );
}
