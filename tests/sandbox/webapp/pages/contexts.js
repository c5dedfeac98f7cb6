// /contexts and /context/:id: reusable environment variables and mounted files.

import { h } from '../dom.js';
import { entityHeader, labelList, link, loadSpaces, metaItem, section, spaceLink, table, timeAgo } from '../components.js';
import { request } from '../graphql-client.js';
import { NotFoundError } from '../router.js';
import { CONTEXT, CONTEXTS } from '../queries.js';
import { configTable, stackUrl } from './stack.js';
import { listPage } from './stacks.js';

const contextUrl = (id) => `/context/${encodeURIComponent(id)}`;

export async function contextsPage() {
  const [{ data }, spaces] = await Promise.all([request(CONTEXTS), loadSpaces()]);
  const contexts = data.contexts ?? [];
  return {
    title: ['Contexts'],
    section: 'contexts',
    breadcrumbs: [{ label: 'Contexts' }],
    content: listPage(
      'Contexts',
      `${contexts.length} context${contexts.length === 1 ? '' : 's'}`,
      table({
        testid: 'contexts-table',
        rows: contexts,
        empty: 'No contexts yet.',
        columns: [
          {
            label: 'Name',
            cell: (context) => [
              link(contextUrl(context.id), context.name ?? context.id, { class: 'strong' }),
              context.description ? h('div', { class: 'muted small' }, context.description) : null,
            ],
          },
          { label: 'Space', cell: (context) => spaceLink(context.space, spaces) },
          { label: 'Labels', cell: (context) => labelList(context.labels) },
          { label: 'Created', cell: (context) => timeAgo(context.createdAt), className: 'nowrap' },
        ],
      }),
    ),
  };
}

export async function contextPage({ id }) {
  const [{ data }, spaces] = await Promise.all([request(CONTEXT, { id }), loadSpaces()]);
  const context = data.context;
  if (!context) throw new NotFoundError(`Context "${id}" not found.`);
  return {
    title: [context.name, 'Contexts'],
    section: 'contexts',
    breadcrumbs: [{ label: 'Contexts', href: '/contexts' }, { label: context.name }],
    content: h(
      'div',
      { class: 'entity-page', dataset: { testid: 'context-page' } },
      entityHeader({
        kind: 'context',
        name: context.name,
        back: '/contexts',
        description: context.description,
        meta: [
          metaItem('space', 'Space', spaceLink(context.space, spaces), null),
          metaItem('created', 'Created', context.createdAt ? ['Created ', timeAgo(context.createdAt)] : null, 'clock'),
          metaItem('labels', 'Labels', labelList(context.labels), 'label'),
        ],
      }),
      section('Environment', 'context-environment', configTable(context.config ?? [])),
      section(
        'Attached stacks',
        'context-attached-stacks',
        table({
          testid: 'attached-stacks-table',
          rows: context.attachedStacks ?? [],
          rowId: (row) => row.stackId,
          empty: 'Not attached to any stack.',
          columns: [
            { label: 'Stack', cell: (row) => link(stackUrl(row.stackId), row.stackName ?? row.stackId, { class: 'strong' }) },
            { label: 'Priority', cell: (row) => String(row.priority ?? '') },
            { label: 'Attachment', cell: (row) => (row.isAutoattached ? 'Auto-attached (label)' : 'Manual') },
          ],
        }),
      ),
    ),
  };
}
