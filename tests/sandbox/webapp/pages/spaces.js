// /spaces (the spaces tree, as an indented table) and /spaces/:id.

import { h } from '../dom.js';
import { entityHeader, fetchSpaces, labelList, link, metaItem, section, spaceLink, stateBadge, table } from '../components.js';
import { request } from '../graphql-client.js';
import { humanize } from '../format.js';
import { NotFoundError } from '../router.js';
import { STACKS } from '../queries.js';
import { stackUrl } from './stack.js';
import { listPage } from './stacks.js';

const spaceUrl = (id) => `/spaces/${encodeURIComponent(id)}`;

/** Depth-first order with each space's depth, roots first (a space whose parent is unknown is a root). */
function treeOrder(spaces) {
  const children = new Map();
  const roots = [];
  for (const space of spaces.values()) {
    if (space.parentSpace && spaces.has(space.parentSpace)) {
      if (!children.has(space.parentSpace)) children.set(space.parentSpace, []);
      children.get(space.parentSpace).push(space);
    } else {
      roots.push(space);
    }
  }
  const ordered = [];
  const visit = (space, depth) => {
    ordered.push({ ...space, depth });
    const kids = (children.get(space.id) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return ordered;
}

function spacesTable(rows, spaces, testid = 'spaces-table') {
  return table({
    testid,
    rows,
    empty: 'No spaces.',
    columns: [
      {
        label: 'Name',
        cell: (space) =>
          h(
            'span',
            { class: 'tree-name', style: `padding-left: ${(space.depth ?? 0) * 20}px` },
            link(spaceUrl(space.id), space.name ?? space.id, { class: 'strong' }),
          ),
      },
      { label: 'Parent', cell: (space) => (space.parentSpace ? spaceLink(space.parentSpace, spaces) : '—') },
      { label: 'Inherits entities', cell: (space) => (space.inheritEntities ? 'Yes' : 'No') },
      { label: 'Your access', cell: (space) => humanize(space.accessLevel) },
      { label: 'Labels', cell: (space) => labelList(space.labels) },
      { label: 'Description', cell: (space) => space.description },
    ],
  });
}

export async function spacesPage() {
  const spaces = await fetchSpaces();
  const rows = treeOrder(spaces);
  return {
    title: ['Spaces'],
    section: 'spaces',
    breadcrumbs: [{ label: 'Spaces' }],
    content: listPage('Spaces', `${rows.length} space${rows.length === 1 ? '' : 's'}`, spacesTable(rows, spaces)),
  };
}

export async function spacePage({ id }) {
  const [spaces, stacksResult] = await Promise.all([fetchSpaces(), request(STACKS).catch(() => null)]);
  const space = spaces.get(id);
  if (!space) throw new NotFoundError(`Space "${id}" not found.`);
  const childSpaces = [...spaces.values()].filter((s) => s.parentSpace === id);
  const stacks = (stacksResult?.data.stacks ?? []).filter((stack) => stack.space === id);
  return {
    title: [space.name, 'Spaces'],
    section: 'spaces',
    breadcrumbs: [{ label: 'Spaces', href: '/spaces' }, { label: space.name }],
    content: h(
      'div',
      { class: 'entity-page', dataset: { testid: 'space-page' } },
      entityHeader({
        kind: 'space',
        name: space.name,
        back: '/spaces',
        description: space.description,
        meta: [
          metaItem('parent', 'Parent space', space.parentSpace ? spaceLink(space.parentSpace, spaces) : null, null),
          metaItem('inherit', 'Inheritance', space.inheritEntities ? 'Inherits entities' : 'Does not inherit', 'info'),
          metaItem('access', 'Your access', space.accessLevel ? `Access: ${humanize(space.accessLevel)}` : null, 'user'),
          metaItem('labels', 'Labels', labelList(space.labels), 'label'),
        ],
      }),
      section('Child spaces', 'child-spaces', spacesTable(childSpaces, spaces, 'child-spaces-table')),
      section(
        'Stacks',
        'space-stacks',
        table({
          testid: 'space-stacks-table',
          rows: stacks,
          empty: 'No stacks in this space.',
          columns: [
            { label: 'Name', cell: (stack) => link(stackUrl(stack.id), stack.name, { class: 'strong' }) },
            { label: 'State', cell: (stack) => stateBadge(stack.state) },
          ],
        }),
      ),
    ),
  };
}
