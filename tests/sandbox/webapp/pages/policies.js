// /policies and /policy/:id: Rego policies with their type and body.

import { h } from '../dom.js';
import { entityHeader, labelList, link, loadSpaces, metaItem, section, spaceLink, table, timeAgo } from '../components.js';
import { request } from '../graphql-client.js';
import { humanize } from '../format.js';
import { NotFoundError } from '../router.js';
import { POLICIES, POLICY } from '../queries.js';
import { listPage } from './stacks.js';

const policyUrl = (id) => `/policy/${encodeURIComponent(id)}`;

export async function policiesPage() {
  const [{ data }, spaces] = await Promise.all([request(POLICIES), loadSpaces()]);
  const policies = data.policies ?? [];
  return {
    title: ['Policies'],
    section: 'policies',
    breadcrumbs: [{ label: 'Policies' }],
    content: listPage(
      'Policies',
      `${policies.length} polic${policies.length === 1 ? 'y' : 'ies'}`,
      table({
        testid: 'policies-table',
        rows: policies,
        empty: 'No policies yet.',
        columns: [
          {
            label: 'Name',
            cell: (policy) => [
              link(policyUrl(policy.id), policy.name ?? policy.id, { class: 'strong' }),
              policy.description ? h('div', { class: 'muted small' }, policy.description) : null,
            ],
          },
          { label: 'Type', cell: (policy) => h('span', { class: 'chip' }, humanize(policy.type)) },
          { label: 'Space', cell: (policy) => spaceLink(policy.space, spaces) },
          { label: 'Labels', cell: (policy) => labelList(policy.labels) },
          { label: 'Updated', cell: (policy) => timeAgo(policy.updatedAt), className: 'nowrap' },
        ],
      }),
    ),
  };
}

export async function policyPage({ id }) {
  const [{ data }, spaces] = await Promise.all([request(POLICY, { id }), loadSpaces()]);
  const policy = data.policy;
  if (!policy) throw new NotFoundError(`Policy "${id}" not found.`);
  return {
    title: [policy.name, 'Policies'],
    section: 'policies',
    breadcrumbs: [{ label: 'Policies', href: '/policies' }, { label: policy.name }],
    content: h(
      'div',
      { class: 'entity-page', dataset: { testid: 'policy-page' } },
      entityHeader({
        kind: 'policy',
        name: policy.name,
        back: '/policies',
        description: policy.description,
        meta: [
          metaItem('type', 'Type', humanize(policy.type), 'policies'),
          metaItem('space', 'Space', spaceLink(policy.space, spaces), null),
          metaItem('engine', 'Engine', policy.engineType, 'info'),
          metaItem('updated', 'Updated', policy.updatedAt ? ['Updated ', timeAgo(policy.updatedAt)] : null, 'clock'),
          metaItem('labels', 'Labels', labelList(policy.labels), 'label'),
        ],
      }),
      section(
        'Body',
        'policy-body',
        h('pre', { class: 'code-block', dataset: { testid: 'policy-body-code' } }, h('code', { class: 'language-rego' }, policy.body ?? '')),
      ),
    ),
  };
}
