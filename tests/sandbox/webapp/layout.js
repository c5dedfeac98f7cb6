// The app's frame: the dark left navigation and the breadcrumbs of the top bar.

import { h, icon } from './dom.js';
import { ICONS } from './icons.js';

/** Sidebar groups, named like the real app's menu ("Ship Infra > Stacks", ...). */
const NAVIGATION = [
  {
    group: 'Ship Infra',
    items: [
      { key: 'stacks', label: 'Stacks', href: '/stacks', icon: ICONS.stacks },
      { key: 'modules', label: 'Modules', href: '/modules', icon: ICONS.modules },
    ],
  },
  { group: 'Enforce Guardrails', items: [{ key: 'policies', label: 'Policies', href: '/policies', icon: ICONS.policies }] },
  { group: 'Reuse Config', items: [{ key: 'contexts', label: 'Contexts', href: '/contexts', icon: ICONS.contexts }] },
  { group: 'Organize', items: [{ key: 'spaces', label: 'Spaces', href: '/spaces', icon: ICONS.spaces }] },
  {
    group: 'Manage Organization',
    items: [{ key: 'worker-pools', label: 'Worker pools', href: '/worker-pools', icon: ICONS.workerPools }],
  },
];

export function renderSidebar(container) {
  container.replaceChildren(
    h(
      'a',
      { href: '/stacks', class: 'brand', 'aria-label': 'Spacelift home' },
      h('img', { src: '/_app/favicon.svg', alt: '', width: 28, height: 28 }),
      h('span', {}, 'spacelift'),
    ),
    ...NAVIGATION.map(({ group, items }) =>
      h(
        'div',
        { class: 'nav-group' },
        h('div', { class: 'nav-group-title' }, group),
        h(
          'ul',
          {},
          items.map((item) =>
            h(
              'li',
              {},
              h(
                'a',
                { href: item.href, class: 'nav-link', dataset: { testid: `nav-${item.key}`, section: item.key } },
                icon(item.icon),
                h('span', {}, item.label),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'div',
      { class: 'sidebar-footer' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, 'S'),
      h('span', {}, 'sandbox-user'),
    ),
  );
}

export function setActiveSection(container, sectionKey) {
  for (const link of container.querySelectorAll('.nav-link')) {
    const active = link.dataset.section === sectionKey;
    link.classList.toggle('active', active);
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** items: [{ label, href? }]; the last one is the current page. */
export function setBreadcrumbs(list, items) {
  list.replaceChildren(
    ...items.map((item, index) => {
      const last = index === items.length - 1;
      return h(
        'li',
        { dataset: { testid: 'breadcrumb' } },
        item.href && !last ? h('a', { href: item.href }, item.label) : h('span', { 'aria-current': last ? 'page' : null }, item.label),
      );
    }),
  );
}
