// The runs list of a stack (tracked runs and proposed runs share it).

import { h } from '../dom.js';
import { link, stateBadge, table, timeAgo } from '../components.js';
import { deltaText, firstLine, RUN_TYPE_LABELS, shortSha } from '../format.js';

export function runUrl(stackId, runId) {
  return `/stack/${encodeURIComponent(stackId)}/run/${encodeURIComponent(runId)}`;
}

export function runTitle(run) {
  return run.title || firstLine(run.commit?.message) || run.id;
}

export function runsTable(stackId, runs, testid = 'runs-table') {
  return table({
    testid,
    rows: runs,
    empty: 'No runs yet.',
    columns: [
      { label: 'State', cell: (run) => stateBadge(run.state, 'run-state-badge') },
      {
        label: 'Run',
        cell: (run) => [
          link(runUrl(stackId, run.id), runTitle(run), { class: 'strong' }),
          h('div', { class: 'muted small mono' }, run.id),
        ],
      },
      { label: 'Type', cell: (run) => RUN_TYPE_LABELS[run.type] ?? run.type },
      {
        label: 'Commit',
        cell: (run) => [
          h('code', {}, shortSha(run.commit?.hash)),
          run.commit?.authorName ? h('span', { class: 'muted small' }, ` by ${run.commit.authorName}`) : null,
        ],
      },
      { label: 'Branch', cell: (run) => run.branch },
      { label: 'Triggered by', cell: (run) => run.triggeredBy },
      { label: 'Delta', cell: (run) => h('span', { class: 'delta' }, deltaText(run.delta)), className: 'nowrap' },
      { label: 'Created', cell: (run) => timeAgo(run.createdAt), className: 'nowrap' },
    ],
  });
}
