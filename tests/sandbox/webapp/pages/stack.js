// /stack/:id and its tabs (/stack/:id/environment, ...): header, tabs, tab content.

import { h } from '../dom.js';
import {
  button,
  entityHeader,
  errorPanel,
  labelList,
  link,
  loadSpaces,
  metaItem,
  section,
  spaceLink,
  stateBadge,
  table,
  tabs,
  toast,
} from '../components.js';
import { request } from '../graphql-client.js';
import { firstLine, humanize, isTerminal, shortSha } from '../format.js';
import { NotFoundError } from '../router.js';
import {
  RUN_TRIGGER,
  STACK,
  STACK_CONTEXTS,
  STACK_DEPENDENCIES,
  STACK_ENVIRONMENT,
  STACK_OUTPUTS,
  STACK_POLICIES,
  STACK_PROPOSED_RUNS,
  STACK_RESOURCES,
  STACK_RUNS,
} from '../queries.js';
import { runsTable, runUrl } from './runs-table.js';

export const stackUrl = (id, tab = '') => `/stack/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;

/** Tab key → label, path segment and loader. Loaders get the stack id. */
const TABS = {
  runs: { label: 'Tracked runs', segment: '', load: loadTrackedRuns },
  prs: { label: 'PRs', segment: 'prs', load: loadProposedRuns },
  environment: { label: 'Environment', segment: 'environment', load: loadEnvironment },
  contexts: { label: 'Contexts', segment: 'contexts', load: loadContexts },
  policies: { label: 'Policies', segment: 'policies', load: loadPolicies },
  dependencies: { label: 'Dependencies', segment: 'dependencies', load: loadDependencies },
  outputs: { label: 'Outputs', segment: 'outputs', load: loadOutputs },
  resources: { label: 'Resources', segment: 'resources', load: loadResources },
};

export async function stackPage({ id }, { navigate }, tabKey) {
  const tab = TABS[tabKey];
  const [{ data }, spaces, tabResult] = await Promise.all([
    request(STACK, { id }),
    loadSpaces(),
    tab.load(id).catch((error) => ({ node: errorPanel(`Could not load ${tab.label.toLowerCase()}.`, error) })),
  ]);
  const stack = data.stack;
  if (!stack) throw new NotFoundError(`Stack "${id}" not found.`);

  const trigger = button(
    'Trigger',
    async () => {
      const { data: result } = await request(RUN_TRIGGER, { stack: stack.id });
      toast(`Run ${result.runTrigger.id} triggered.`);
      navigate(runUrl(stack.id, result.runTrigger.id));
    },
    { variant: 'primary', testid: 'trigger-run' },
  );

  return {
    title: [tabKey === 'runs' ? null : tab.label, stack.name, 'Stacks'].filter(Boolean),
    section: 'stacks',
    breadcrumbs: [{ label: 'Stacks', href: '/stacks' }, { label: stack.name, href: stackUrl(stack.id) }],
    refresh: tabResult.refresh,
    content: h(
      'div',
      { class: 'entity-page', dataset: { testid: 'stack-page', stackId: stack.id } },
      entityHeader({
        kind: 'stack',
        name: stack.name,
        state: stack.state,
        back: '/stacks',
        description: stack.description,
        actions: [trigger],
        meta: stackMeta(stack, spaces),
      }),
      tabs(
        'Stack sections',
        Object.entries(TABS).map(([key, { label, segment }]) => ({ key, label, href: stackUrl(stack.id, segment) })),
        tabKey,
      ),
      h('div', { class: 'tab-content', dataset: { testid: 'tab-content', tab: tabKey } }, tabResult.node),
    ),
  };
}

/** The meta row shared by the stack page and its runs. */
export function stackMeta(stack, spaces) {
  const commit = stack.trackedCommit;
  return [
    metaItem('space', 'Space', spaceLink(stack.space, spaces), null),
    metaItem('version', 'Tool version', stack.terraformVersion, 'modules'),
    metaItem('repository', 'Repository', stack.repository),
    metaItem('branch', 'Branch', stack.branch),
    metaItem(
      'commit',
      'Tracked commit',
      commit?.hash ? h('span', { title: firstLine(commit.message) }, h('code', {}, shortSha(commit.hash))) : null,
    ),
    metaItem('autodeploy', 'Autodeploy', stack.autodeploy == null ? null : stack.autodeploy ? 'Autodeploy on' : 'Autodeploy off', 'play'),
    metaItem('administrative', 'Administrative', stack.administrative ? 'Administrative' : null, 'info'),
    metaItem('locked', 'Locked by', stack.lockedBy ? `Locked by ${stack.lockedBy}` : null, 'lock'),
    metaItem('labels', 'Labels', labelList(stack.labels), 'label'),
  ];
}

/** Refresh while a run is in progress, so the list follows it to a final state. */
function refreshWhileActive(runs) {
  if (!runs.some((run) => !isTerminal(run.state))) return undefined;
  return { everyMs: 3000, signature: runs.map((run) => `${run.id}:${run.state}`).join(',') };
}

async function loadTrackedRuns(id) {
  const { data } = await request(STACK_RUNS, { id });
  const runs = data.stack?.runs ?? [];
  return { node: section('Tracked runs', 'tracked-runs', runsTable(id, runs)), refresh: refreshWhileActive(runs) };
}

async function loadProposedRuns(id) {
  const { data } = await request(STACK_PROPOSED_RUNS, { id });
  const runs = data.stack?.proposedRuns ?? [];
  return { node: section('Proposed runs', 'proposed-runs', runsTable(id, runs, 'proposed-runs-table')) };
}

/** The stack's own variables and files, then those its attached contexts bring. */
async function loadEnvironment(id) {
  const [own, fromContexts] = await Promise.all([
    request(STACK_ENVIRONMENT, { id }),
    request(STACK_CONTEXTS, { id }).catch(() => null),
  ]);
  const rows = (own.data.stack?.config ?? []).map((element) => ({ ...element, source: 'Stack' }));
  for (const attachment of fromContexts?.data.stack?.attachedContexts ?? []) {
    for (const element of attachment.config ?? []) {
      rows.push({ ...element, source: attachment.contextName, contextId: attachment.contextId });
    }
  }
  return { node: section('Environment', 'environment', configTable(rows, { showSource: true })) };
}

/** Environment variables and mounted files; secrets (writeOnly) never show a value. */
export function configTable(rows, { showSource = false } = {}) {
  return table({
    testid: 'config-table',
    rows,
    rowId: (row) => `${row.source ?? ''}:${row.id}`,
    empty: 'No environment variables or mounted files.',
    columns: [
      { label: 'Name', cell: (row) => h('code', {}, row.id) },
      { label: 'Type', cell: (row) => (row.type === 'FILE_MOUNT' ? 'Mounted file' : 'Environment variable') },
      { label: 'Value', cell: configValue },
      showSource && {
        label: 'Source',
        cell: (row) => (row.contextId ? link(`/context/${encodeURIComponent(row.contextId)}`, row.source) : row.source),
      },
      { label: 'Description', cell: (row) => row.description },
    ].filter(Boolean),
  });
}

function configValue(row) {
  if (row.writeOnly) return h('span', { class: 'secret', title: 'Secret: write-only' }, '•••••••• (secret)');
  if (row.type === 'FILE_MOUNT') return h('span', { class: 'muted' }, 'file content');
  return h('code', { class: 'value' }, row.value ?? '');
}

async function loadContexts(id) {
  const { data } = await request(STACK_CONTEXTS, { id });
  const attachments = [...(data.stack?.attachedContexts ?? [])].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  return {
    node: section(
      'Attached contexts',
      'attached-contexts',
      table({
        testid: 'attached-contexts-table',
        rows: attachments,
        rowId: (row) => row.contextId,
        empty: 'No contexts attached.',
        columns: [
          { label: 'Context', cell: (row) => link(`/context/${encodeURIComponent(row.contextId)}`, row.contextName, { class: 'strong' }) },
          { label: 'Priority', cell: (row) => String(row.priority ?? '') },
          { label: 'Attachment', cell: (row) => (row.isAutoattached ? 'Auto-attached (label)' : 'Manual') },
          { label: 'Items', cell: (row) => String(row.config?.length ?? '') },
        ],
      }),
    ),
  };
}

async function loadPolicies(id) {
  const { data } = await request(STACK_POLICIES, { id });
  return {
    node: section(
      'Attached policies',
      'attached-policies',
      table({
        testid: 'attached-policies-table',
        rows: data.stack?.attachedPolicies ?? [],
        rowId: (row) => row.policyId,
        empty: 'No policies attached.',
        columns: [
          { label: 'Policy', cell: (row) => link(`/policy/${encodeURIComponent(row.policyId)}`, row.policyName, { class: 'strong' }) },
          { label: 'Type', cell: (row) => humanize(row.policyType) },
        ],
      }),
    ),
  };
}

async function loadDependencies(id) {
  const { data } = await request(STACK_DEPENDENCIES, { id });
  const stackTable = (testid, rows, pick, empty) =>
    table({
      testid,
      rows,
      rowId: (row) => pick(row)?.id,
      empty,
      columns: [
        { label: 'Stack', cell: (row) => link(stackUrl(pick(row)?.id ?? ''), pick(row)?.name ?? '', { class: 'strong' }) },
        { label: 'State', cell: (row) => stateBadge(pick(row)?.state, 'dependency-state-badge') },
      ],
    });
  return {
    node: h(
      'div',
      {},
      section(
        'Depends on',
        'depends-on',
        stackTable('depends-on-table', data.stack?.dependsOn ?? [], (row) => row.dependsOnStack, 'This stack depends on no other stack.'),
      ),
      section(
        'Depended on by',
        'depended-on-by',
        stackTable('depended-on-by-table', data.stack?.isDependedOnBy ?? [], (row) => row.stack, 'No stack depends on this one.'),
      ),
    ),
  };
}

async function loadOutputs(id) {
  const { data } = await request(STACK_OUTPUTS, { id });
  return {
    node: section(
      'Outputs',
      'outputs',
      table({
        testid: 'outputs-table',
        rows: data.stack?.outputs ?? [],
        empty: 'No outputs yet.',
        columns: [
          { label: 'Name', cell: (row) => h('code', {}, row.id) },
          {
            label: 'Value',
            cell: (row) => (row.sensitive ? h('span', { class: 'secret' }, '•••••••• (sensitive)') : h('code', {}, row.value ?? '')),
          },
          { label: 'Description', cell: (row) => row.description },
        ],
      }),
    ),
  };
}

async function loadResources(id) {
  const { data } = await request(STACK_RESOURCES, { id });
  return {
    node: section(
      'Resources',
      'resources',
      table({
        testid: 'resources-table',
        rows: data.stack?.entities ?? [],
        empty: 'This stack manages no resources yet.',
        columns: [
          { label: 'Address', cell: (row) => h('code', {}, row.address) },
          { label: 'Type', cell: (row) => row.type },
          { label: 'Name', cell: (row) => row.name },
          { label: 'Drift', cell: (row) => (row.drifted ? h('span', { class: 'badge badge-warning' }, 'DRIFTED') : 'In sync') },
        ],
      }),
    ),
  };
}
