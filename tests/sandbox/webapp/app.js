// Entry point: the frame, the route table and a history-API router. In-app links
// never reload the document, exactly like the real single-page app.

import { h } from './dom.js';
import { errorPanel } from './components.js';
import { missingFields } from './graphql-client.js';
import { renderSidebar, setActiveSection, setBreadcrumbs } from './layout.js';
import { compileRoutes, isAppPath, matchRoute, NotFoundError } from './router.js';
import { stacksPage } from './pages/stacks.js';
import { stackPage } from './pages/stack.js';
import { runPage } from './pages/run.js';
import { modulePage, modulesPage } from './pages/modules.js';
import { policiesPage, policyPage } from './pages/policies.js';
import { contextPage, contextsPage } from './pages/contexts.js';
import { spacePage, spacesPage } from './pages/spaces.js';
import { workerPoolPage, workerPoolsPage } from './pages/worker-pools.js';

const stackTab = (tab) => (params, context) => stackPage(params, context, tab);

const ROUTES = compileRoutes([
  { path: '/', redirect: '/stacks' },
  { path: '/stacks', page: stacksPage },
  { path: '/stack/:id', page: stackTab('runs') },
  { path: '/stack/:id/runs', page: stackTab('runs') },
  { path: '/stack/:id/prs', page: stackTab('prs') },
  { path: '/stack/:id/environment', page: stackTab('environment') },
  { path: '/stack/:id/contexts', page: stackTab('contexts') },
  { path: '/stack/:id/policies', page: stackTab('policies') },
  { path: '/stack/:id/dependencies', page: stackTab('dependencies') },
  { path: '/stack/:id/outputs', page: stackTab('outputs') },
  { path: '/stack/:id/resources', page: stackTab('resources') },
  { path: '/stack/:id/run/:runId', page: runPage },
  { path: '/modules', page: modulesPage },
  { path: '/module/:id', page: modulePage },
  { path: '/policies', page: policiesPage },
  { path: '/policy/:id', page: policyPage },
  { path: '/contexts', page: contextsPage },
  { path: '/context/:id', page: contextPage },
  { path: '/spaces', page: spacesPage },
  { path: '/spaces/:id', page: spacePage },
  { path: '/worker-pools', page: workerPoolsPage },
  { path: '/worker-pool/:id', page: workerPoolPage },
]);

const main = document.getElementById('main');
const sidebar = document.getElementById('sidebar');
const breadcrumbs = document.getElementById('breadcrumbs');

let renderToken = 0;
let refreshTimer = 0;

export function navigate(url, { replace = false } = {}) {
  const sameUrl = url === location.pathname + location.search + location.hash;
  if (replace || sameUrl) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  window.scrollTo(0, 0);
  return render();
}

async function render() {
  const token = ++renderToken;
  clearTimeout(refreshTimer);
  const match = matchRoute(ROUTES, location.pathname);
  if (match?.route.redirect) return navigate(match.route.redirect, { replace: true });

  main.setAttribute('aria-busy', 'true');
  document.body.classList.add('is-loading');
  const page = await loadPage(match);
  if (token !== renderToken) return; // the user navigated elsewhere meanwhile
  show(page, match);
  scheduleRefresh(token, match, page);
}

/** Runs a page's loader and turns failures into a not-found or error page. */
async function loadPage(match) {
  const context = { reload: () => render(), navigate };
  try {
    if (!match) throw new NotFoundError(`There is no page at ${location.pathname}.`);
    return await match.route.page(match.params, context);
  } catch (error) {
    if (error instanceof NotFoundError) return notFoundPage(error.message);
    console.error(error);
    return {
      title: ['Error'],
      breadcrumbs: [{ label: 'Error' }],
      content: h('div', { class: 'not-found' }, h('h1', {}, 'Something went wrong'), errorPanel('This page could not be loaded.', error)),
    };
  }
}

function show(page, match) {
  main.replaceChildren(page.content);
  main.dataset.route = match?.route.path ?? 'not-found';
  if (missingFields.size) main.dataset.missingFields = [...missingFields].join(' ');
  document.title = [...page.title, 'Spacelift'].join(' · ');
  setBreadcrumbs(breadcrumbs, page.breadcrumbs ?? []);
  setActiveSection(sidebar, page.section);
  main.setAttribute('aria-busy', 'false');
  document.body.classList.remove('is-loading');
  window.dispatchEvent(new CustomEvent('sandbox:rendered', { detail: { path: location.pathname } }));
}

/** Live updates stop after this many refreshes (~2 minutes), so an idle tab goes quiet. */
const MAX_REFRESHES = 40;

/**
 * Pages showing something in progress (a planning run...) ask to be refreshed; the
 * new content replaces the old one only when something changed.
 */
function scheduleRefresh(token, match, page, count = 0) {
  if (!page.refresh || count >= MAX_REFRESHES) return;
  refreshTimer = setTimeout(async () => {
    const next = await loadPage(match);
    if (token !== renderToken) return;
    if (next.refresh?.signature !== page.refresh.signature) show(next, match);
    scheduleRefresh(token, match, next, count + 1);
  }, page.refresh.everyMs ?? 3000);
}

function notFoundPage(message = `There is no page at ${location.pathname}.`) {
  return {
    title: ['Not found'],
    breadcrumbs: [{ label: 'Not found' }],
    content: h(
      'div',
      { class: 'not-found', dataset: { testid: 'not-found' } },
      h('h1', {}, 'Not found'),
      h('p', {}, message),
      h('p', {}, h('a', { href: '/stacks' }, 'Go to stacks')),
    ),
  };
}

function interceptLinkClicks(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || !isAppPath(url.pathname)) return;
  if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
}

renderSidebar(sidebar);
document.addEventListener('click', interceptLinkClicks);
window.addEventListener('popstate', () => render());
render();
