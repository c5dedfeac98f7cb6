// /stack/:id/run/:runId: the run's header and its state timeline, newest state first,
// each state with its log, like the real "Run history" view.

import { h } from '../dom.js';
import { button, entityHeader, errorPanel, loadSpaces, metaItem, section, spaceLink, timeAgo, toast } from '../components.js';
import { request } from '../graphql-client.js';
import {
  absoluteTime,
  deltaText,
  duration,
  firstLine,
  humanize,
  isoTime,
  isTerminal,
  RUN_TYPE_LABELS,
  shortSha,
  stateTone,
  stripAnsi,
} from '../format.js';
import { NotFoundError } from '../router.js';
import { RUN, RUN_CONFIRM, RUN_DISCARD, RUN_LOGS } from '../queries.js';
import { runTitle } from './runs-table.js';
import { stackUrl } from './stack.js';

const MAX_LOG_PAGES = 50;
const TONE_GLYPHS = { success: '✓', danger: '✕', warning: '!', info: '•', neutral: '○' };

export async function runPage({ id, runId }, { reload }) {
  const [{ data }, spaces] = await Promise.all([request(RUN, { stackId: id, runId }), loadSpaces()]);
  const stack = data.stack;
  if (!stack) throw new NotFoundError(`Stack "${id}" not found.`);
  const run = stack.run;
  if (!run) throw new NotFoundError(`Run "${runId}" not found in stack "${stack.name}".`);

  const history = newestFirst(run.history ?? []);
  const logs = await loadAllLogs(stack.id, run.id, history);
  const title = runTitle(run);
  const inProgress = !run.finished && !isTerminal(run.state);
  const actions = { confirm: () => act(RUN_CONFIRM, 'confirmed'), discard: () => act(RUN_DISCARD, 'discarded') };

  async function act(mutation, verb) {
    await request(mutation, { stack: stack.id, run: run.id });
    toast(`Run ${verb}.`);
    await reload();
  }

  return {
    title: [title, stack.name, 'Stacks'],
    section: 'stacks',
    breadcrumbs: [
      { label: 'Stacks', href: '/stacks' },
      { label: stack.name, href: stackUrl(stack.id) },
      { label: title },
    ],
    refresh: inProgress
      ? { everyMs: 3000, signature: `${run.state}:${history.length}:${[...logs.values()].map((l) => l.lines.length).join(',')}` }
      : undefined,
    content: h(
      'div',
      { class: 'entity-page', dataset: { testid: 'run-page', runId: run.id, stackId: stack.id } },
      entityHeader({
        kind: 'run',
        name: title,
        state: run.state,
        back: stackUrl(stack.id),
        meta: runMeta(stack, run, spaces),
      }),
      section(
        'Run history',
        'run-history',
        h(
          'ol',
          { class: 'timeline', dataset: { testid: 'run-timeline' } },
          history.map((entry, index) =>
            timelineEntry(entry, {
              next: history[index - 1],
              isCurrent: index === 0,
              run,
              stack,
              log: logs.get(logKey(entry)),
              previousLog: logs.get(logKey(history[index + 1] ?? {})),
              actions,
            }),
          ),
        ),
        history.length === 0 ? h('p', { class: 'empty' }, 'No history yet.') : null,
      ),
    ),
  };
}

function runMeta(stack, run, spaces) {
  const commit = run.commit ?? {};
  return [
    metaItem('space', 'Space', spaceLink(stack.space, spaces), null),
    metaItem('stack', 'Stack', h('a', { href: stackUrl(stack.id) }, stack.name), 'stacks'),
    metaItem('branch', 'Branch', run.branch || stack.branch),
    metaItem('commit', 'Commit', commit.hash ? h('code', { title: firstLine(commit.message) }, shortSha(commit.hash)) : null),
    metaItem('author', 'Author', commit.authorName || commit.authorLogin, 'user'),
    metaItem(
      'created',
      'Started',
      typeof run.createdAt === 'number'
        ? ['Started ', timeAgo(run.createdAt), run.triggeredBy ? ` by ${run.triggeredBy}` : '']
        : null,
      'clock',
    ),
    metaItem('type', 'Run type', RUN_TYPE_LABELS[run.type] ?? run.type, 'info'),
    metaItem('delta', 'Changes', run.delta ? deltaText(run.delta) : null, 'modules'),
  ];
}

function newestFirst(history) {
  return history
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => (b.entry.timestamp ?? 0) - (a.entry.timestamp ?? 0) || b.index - a.index)
    .map(({ entry }) => entry);
}

const logKey = (entry) => `${entry.state}:${entry.stateVersion ?? ''}`;

/** Logs of every state that has some, fetched in parallel. Map of logKey → { lines, error }. */
async function loadAllLogs(stackId, runId, history) {
  const withLogs = history.filter((entry) => entry.hasLogs);
  const results = await Promise.all(
    withLogs.map((entry) =>
      loadStateLogs(stackId, runId, entry).then(
        (lines) => ({ lines }),
        (error) => ({ lines: [], error }),
      ),
    ),
  );
  return new Map(withLogs.map((entry, index) => [logKey(entry), results[index]]));
}

/** Follows nextToken until the state's log is complete (or nothing new arrives). */
async function loadStateLogs(stackId, runId, entry) {
  const lines = [];
  let token = null;
  for (let page = 0; page < MAX_LOG_PAGES; page++) {
    const variables = { stackId, runId, state: entry.state, stateVersion: entry.stateVersion ?? null, token };
    const { data } = await request(RUN_LOGS, variables);
    const logs = data.stack?.run?.logs;
    if (!logs) break;
    const messages = logs.messages ?? [];
    lines.push(...messages.map((m) => stripAnsi(m.message ?? '').replace(/\r?\n$/, '')));
    if (!logs.hasMore || !logs.nextToken || logs.nextToken === token || messages.length === 0) break;
    token = logs.nextToken;
  }
  return lines;
}

function timelineEntry(entry, { next, isCurrent, run, stack, log, previousLog, actions }) {
  const tone = stateTone(entry.state);
  const end = entry.until ?? next?.timestamp ?? (isCurrent && !entry.terminal ? Math.floor(Date.now() / 1000) : undefined);
  const elapsed = typeof end === 'number' && typeof entry.timestamp === 'number' ? duration(end - entry.timestamp) : '';
  const awaitingConfirmation = isCurrent && entry.state === 'UNCONFIRMED' && run.state === 'UNCONFIRMED';

  return h(
    'li',
    {
      class: `timeline-entry tone-${tone}`,
      dataset: { testid: 'run-state', state: entry.state, stateVersion: entry.stateVersion },
    },
    h('span', { class: `timeline-dot tone-${tone}`, 'aria-hidden': 'true' }, TONE_GLYPHS[tone]),
    h(
      'div',
      { class: 'timeline-body' },
      h(
        'div',
        { class: 'timeline-heading' },
        h('h3', {}, humanize(entry.state)),
        elapsed ? h('span', { class: 'timeline-duration', title: 'Time in this state' }, elapsed) : null,
        typeof entry.timestamp === 'number'
          ? h('time', { datetime: isoTime(entry.timestamp), dataset: { testid: 'state-time' } }, absoluteTime(entry.timestamp))
          : null,
        entry.username ? h('span', { class: 'muted' }, `by ${entry.username}`) : null,
      ),
      entry.state === 'FAILED'
        ? failure(entry, previousLog)
        : entry.note
          ? h('p', { class: 'timeline-note', dataset: { testid: 'state-note' } }, entry.note)
          : null,
      awaitingConfirmation
        ? h(
            'div',
            { class: 'confirm-bar', dataset: { testid: 'confirm-bar' } },
            stack.autodeploy === false ? h('span', { class: 'chip' }, 'Autodeploy is off') : null,
            button('Confirm', actions.confirm, { variant: 'primary', testid: 'confirm-run' }),
            button('Discard', actions.discard, { testid: 'discard-run' }),
          )
        : null,
      log ? logBlock(entry, log) : null,
    ),
  );
}

/** The reason a run failed: the FAILED transition's note, else error lines of the state before. */
function failure(entry, previousLog) {
  const errorLines = (previousLog?.lines ?? []).filter((line) => /error/i.test(line)).slice(-5);
  const reason = entry.note || errorLines.join('\n') || 'The run failed.';
  return h(
    'div',
    { class: 'run-error', role: 'alert', dataset: { testid: 'run-error' } },
    h('strong', {}, 'Run failed'),
    h('pre', {}, reason),
  );
}

function logBlock(entry, log) {
  if (log.error) return errorPanel('Logs unavailable.', log.error);
  return h(
    'details',
    { class: 'log', open: true },
    h('summary', {}, `${humanize(entry.state)} logs`),
    h(
      'pre',
      { class: 'log-block', dataset: { testid: 'run-log', state: entry.state, stateVersion: entry.stateVersion } },
      log.lines.length ? log.lines.join('\n') : '(no log output)',
    ),
  );
}
