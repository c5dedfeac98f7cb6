// Building blocks shared by the pages: state badge, entity header, tabs, tables...
// The data-testid attributes are a contract with the extension and the e2e tests.

import { h, icon } from './dom.js';
import { ICONS } from './icons.js';
import { absoluteTime, isoTime, relativeTime, stateTone } from './format.js';
import { request } from './graphql-client.js';
import { SPACES } from './queries.js';

export function stateBadge(state, testid = 'state-badge') {
  const value = state || 'NONE';
  return h(
    'span',
    { class: `badge badge-${stateTone(value)}`, dataset: { testid, state: value } },
    value.replace(/_/g, ' '),
  );
}

export function timeAgo(unixSeconds) {
  if (typeof unixSeconds !== 'number') return h('span', { class: 'muted' }, '—');
  return h('time', { datetime: isoTime(unixSeconds), title: absoluteTime(unixSeconds) }, relativeTime(unixSeconds));
}

export function labelList(labels) {
  if (!labels?.length) return null;
  return h(
    'span',
    { class: 'labels', dataset: { testid: 'labels' } },
    labels.map((label) => h('span', { class: 'label' }, label)),
  );
}

export function link(href, text, attributes = {}) {
  return h('a', { href, ...attributes }, text);
}

/**
 * One item of an entity header's meta row. `name` says what the value is, for screen
 * readers and page readers (the real app shows only an icon there).
 */
export function metaItem(key, name, value, iconName = key) {
  if (value == null || value === '' || value === false) return null;
  // "Created 2 days ago" already says what it is; "main" needs a hidden "Branch: ".
  const leadingText = [value].flat().find((part) => typeof part === 'string') ?? '';
  const selfDescribing = leadingText.toLowerCase().startsWith(name.toLowerCase());
  return h(
    'li',
    { class: 'meta-item', title: name, dataset: { testid: `meta-${key}` } },
    ICONS[iconName] ? icon(ICONS[iconName]) : null,
    selfDescribing ? null : h('span', { class: 'visually-hidden' }, `${name}: `),
    value,
  );
}

/**
 * Name, state badge, meta row, description and action buttons of a stack, run,
 * policy... `back` is the href of the arrow left of the name.
 */
export function entityHeader({ name, state, back, meta = [], description, actions = [], kind }) {
  return h(
    'header',
    { class: 'entity-header', dataset: { testid: 'entity-header', kind } },
    h(
      'div',
      { class: 'entity-title-row' },
      back ? h('a', { href: back, class: 'back-link', 'aria-label': 'Back' }, icon(ICONS.back)) : null,
      h('h1', { dataset: { testid: 'entity-name' } }, name),
      state !== undefined ? stateBadge(state) : null,
      actions.length ? h('div', { class: 'entity-actions' }, actions) : null,
    ),
    meta.some(Boolean) ? h('ul', { class: 'meta-row', dataset: { testid: 'entity-meta' } }, meta) : null,
    description ? h('p', { class: 'entity-description', dataset: { testid: 'entity-description' } }, description) : null,
  );
}

/** Tabs as links: each tab is its own URL, like in the real app. */
export function tabs(label, items, activeKey) {
  return h(
    'nav',
    { class: 'tabs', 'aria-label': label, dataset: { testid: 'tabs' } },
    items.map(({ key, label: text, href, count }) =>
      h(
        'a',
        {
          href,
          class: key === activeKey ? 'tab active' : 'tab',
          'aria-current': key === activeKey ? 'page' : null,
          dataset: { testid: `tab-${key}` },
        },
        text,
        count != null ? h('span', { class: 'tab-count' }, String(count)) : null,
      ),
    ),
  );
}

/** A section with a title bar, like "Tracked runs" above the runs list. */
export function section(title, testid, ...children) {
  return h(
    'section',
    { class: 'panel', dataset: { testid }, 'aria-label': title },
    h('div', { class: 'panel-header' }, h('h2', {}, title)),
    h('div', { class: 'panel-body' }, children),
  );
}

/**
 * A real <table>. columns: [{ label, cell: (row) => node|string, className? }].
 * Rows get data-testid="<testid>-row" and data-id for tests and the page reader.
 */
export function table({ testid, columns, rows, empty = 'Nothing here yet.', rowId = (row) => row.id }) {
  if (!rows?.length) return h('p', { class: 'empty', dataset: { testid: `${testid}-empty` } }, empty);
  return h(
    'table',
    { class: 'data-table', dataset: { testid } },
    h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column.label)))),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          { dataset: { testid: `${testid}-row`, id: rowId(row) } },
          columns.map((column) => h('td', { class: column.className }, column.cell(row) ?? '')),
        ),
      ),
    ),
  );
}

export function errorPanel(title, error) {
  return h(
    'div',
    { class: 'error-panel', role: 'alert', dataset: { testid: 'error-panel' } },
    h('strong', {}, title),
    error ? h('p', {}, error.message ?? String(error)) : null,
  );
}

export function button(text, onClick, { variant = 'secondary', testid } = {}) {
  return h(
    'button',
    {
      type: 'button',
      class: `button button-${variant}`,
      dataset: { testid },
      onclick: async (event) => {
        const target = event.currentTarget;
        target.disabled = true;
        try {
          await onClick(event);
        } catch (error) {
          toast(`${text} failed: ${error.message}`);
        } finally {
          target.disabled = false;
        }
      },
    },
    text,
  );
}

export function toast(message) {
  const element = h('div', { class: 'toast', role: 'status', dataset: { testid: 'toast' } }, message);
  document.body.append(element);
  setTimeout(() => element.remove(), 5000);
}

let spacesCache = null;

/** Spaces by id (cached briefly); throws when the server can't list them. */
export function fetchSpaces() {
  if (!spacesCache || Date.now() - spacesCache.at > 30_000) {
    const promise = request(SPACES).then(({ data }) => new Map((data.spaces ?? []).map((space) => [space.id, space])));
    promise.catch(() => (spacesCache = null));
    spacesCache = { at: Date.now(), promise };
  }
  return spacesCache.promise;
}

/** Spaces by id, to show space names instead of ids; empty when unavailable. */
export function loadSpaces() {
  return fetchSpaces().catch(() => new Map());
}

export function spaceLink(spaceId, spaces) {
  if (!spaceId) return null;
  const name = spaces?.get(spaceId)?.name ?? spaceId;
  return h('a', { href: `/spaces/${encodeURIComponent(spaceId)}`, class: 'space-link' }, icon(ICONS.spaces), name);
}
