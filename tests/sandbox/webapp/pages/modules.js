// /modules and /module/:id: the private Terraform module registry.

import { h } from '../dom.js';
import { entityHeader, labelList, link, loadSpaces, metaItem, section, spaceLink, stateBadge, table, timeAgo } from '../components.js';
import { request } from '../graphql-client.js';
import { NotFoundError } from '../router.js';
import { MODULE, MODULES } from '../queries.js';
import { listPage } from './stacks.js';

const moduleUrl = (id) => `/module/${encodeURIComponent(id)}`;

export async function modulesPage() {
  const [{ data }, spaces] = await Promise.all([request(MODULES), loadSpaces()]);
  const modules = data.modules ?? [];
  return {
    title: ['Modules'],
    section: 'modules',
    breadcrumbs: [{ label: 'Modules' }],
    content: listPage(
      'Modules',
      `${modules.length} module${modules.length === 1 ? '' : 's'}`,
      table({
        testid: 'modules-table',
        rows: modules,
        empty: 'No modules yet.',
        columns: [
          {
            label: 'Name',
            cell: (module) => [
              link(moduleUrl(module.id), module.name ?? module.id, { class: 'strong' }),
              module.description ? h('div', { class: 'muted small' }, module.description) : null,
            ],
          },
          { label: 'Provider', cell: (module) => module.terraformProvider },
          { label: 'Latest version', cell: (module) => module.current?.number ?? '—' },
          { label: 'Space', cell: (module) => spaceLink(module.space, spaces) },
          { label: 'Repository', cell: (module) => module.repository },
          { label: 'Labels', cell: (module) => labelList(module.labels) },
        ],
      }),
    ),
  };
}

export async function modulePage({ id }) {
  const [{ data }, spaces] = await Promise.all([request(MODULE, { id }), loadSpaces()]);
  const module = data.module;
  if (!module) throw new NotFoundError(`Module "${id}" not found.`);
  const version = module.current;
  return {
    title: [module.name, 'Modules'],
    section: 'modules',
    breadcrumbs: [{ label: 'Modules', href: '/modules' }, { label: module.name }],
    content: h(
      'div',
      { class: 'entity-page', dataset: { testid: 'module-page' } },
      entityHeader({
        kind: 'module',
        name: module.name,
        state: version?.state,
        back: '/modules',
        description: module.description,
        meta: [
          metaItem('space', 'Space', spaceLink(module.space, spaces), null),
          metaItem('provider', 'Terraform provider', module.terraformProvider, 'modules'),
          metaItem('repository', 'Repository', module.repository),
          metaItem('branch', 'Branch', module.branch),
          metaItem('created', 'Created', module.createdAt ? ['Created ', timeAgo(module.createdAt)] : null, 'clock'),
          metaItem('labels', 'Labels', labelList(module.labels), 'label'),
        ],
      }),
      section(
        'Current version',
        'module-version',
        version
          ? table({
              testid: 'module-versions-table',
              rows: [version],
              columns: [
                { label: 'Version', cell: (v) => h('code', {}, v.number) },
                { label: 'State', cell: (v) => stateBadge(v.state, 'version-state-badge') },
                { label: 'Yanked', cell: (v) => (v.yanked ? 'Yes' : 'No') },
              ],
            })
          : h('p', { class: 'empty' }, 'No version published yet.'),
      ),
      section(
        'Source',
        'module-source',
        h(
          'dl',
          { class: 'details' },
          h('dt', {}, 'Project root'),
          h('dd', {}, module.projectRoot || '/'),
          h('dt', {}, 'Administrative'),
          h('dd', {}, module.administrative ? 'Yes' : 'No'),
        ),
      ),
    ),
  };
}
