// /worker-pools and /worker-pool/:id: private worker pools and their workers.

import { h } from '../dom.js';
import { entityHeader, labelList, link, loadSpaces, metaItem, section, spaceLink, table, timeAgo } from '../components.js';
import { request } from '../graphql-client.js';
import { NotFoundError } from '../router.js';
import { WORKER_POOL, WORKER_POOLS } from '../queries.js';
import { listPage } from './stacks.js';

const workerPoolUrl = (id) => `/worker-pool/${encodeURIComponent(id)}`;
const count = (n) => (typeof n === 'number' ? String(n) : '—');

export async function workerPoolsPage() {
  const [{ data }, spaces] = await Promise.all([request(WORKER_POOLS), loadSpaces()]);
  const pools = data.workerPools ?? [];
  return {
    title: ['Worker pools'],
    section: 'worker-pools',
    breadcrumbs: [{ label: 'Worker pools' }],
    content: listPage(
      'Worker pools',
      `${pools.length} private pool${pools.length === 1 ? '' : 's'}`,
      table({
        testid: 'worker-pools-table',
        rows: pools,
        empty: 'No private worker pools. Runs use the public worker pool.',
        columns: [
          {
            label: 'Name',
            cell: (pool) => [
              link(workerPoolUrl(pool.id), pool.name ?? pool.id, { class: 'strong' }),
              pool.description ? h('div', { class: 'muted small' }, pool.description) : null,
            ],
          },
          { label: 'Space', cell: (pool) => spaceLink(pool.space, spaces) },
          { label: 'Workers', cell: (pool) => count(pool.workersCount) },
          { label: 'Busy', cell: (pool) => count(pool.busyWorkers) },
          { label: 'Pending runs', cell: (pool) => count(pool.pendingRuns) },
          { label: 'Labels', cell: (pool) => labelList(pool.labels) },
        ],
      }),
    ),
  };
}

export async function workerPoolPage({ id }) {
  const [{ data }, spaces] = await Promise.all([request(WORKER_POOL, { id }), loadSpaces()]);
  const pool = data.workerPool;
  if (!pool) throw new NotFoundError(`Worker pool "${id}" not found.`);
  return {
    title: [pool.name, 'Worker pools'],
    section: 'worker-pools',
    breadcrumbs: [{ label: 'Worker pools', href: '/worker-pools' }, { label: pool.name }],
    content: h(
      'div',
      { class: 'entity-page', dataset: { testid: 'worker-pool-page' } },
      entityHeader({
        kind: 'worker-pool',
        name: pool.name,
        back: '/worker-pools',
        description: pool.description,
        meta: [
          metaItem('space', 'Space', spaceLink(pool.space, spaces), null),
          metaItem('workers', 'Workers', `${count(pool.workersCount)} workers, ${count(pool.busyWorkers)} busy`, 'workerPools'),
          metaItem('pending', 'Pending runs', `${count(pool.pendingRuns)} pending runs`, 'clock'),
          metaItem('created', 'Created', pool.createdAt ? ['Created ', timeAgo(pool.createdAt)] : null, 'clock'),
          metaItem('labels', 'Labels', labelList(pool.labels), 'label'),
        ],
      }),
      section(
        'Workers',
        'workers',
        table({
          testid: 'workers-table',
          rows: pool.workers ?? [],
          empty: 'No workers connected.',
          columns: [
            { label: 'Worker', cell: (worker) => h('code', {}, worker.id) },
            { label: 'Status', cell: (worker) => (worker.drained ? 'Drained' : worker.busy ? 'Busy' : 'Idle') },
          ],
        }),
      ),
    ),
  };
}
