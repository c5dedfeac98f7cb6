// Path matching for the app's routes ("/stack/:id/run/:runId").

export class NotFoundError extends Error {
  constructor(message = 'Page not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

export function compileRoutes(routes) {
  return routes.map((route) => {
    const names = [];
    const source = route.path
      .split('/')
      .map((part) => {
        if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(part.slice(1));
        return '([^/]+)';
      })
      .join('/');
    return { ...route, regex: new RegExp(`^${source}/?$`), names };
  });
}

/** Returns { route, params } for a pathname, or null. */
export function matchRoute(compiled, pathname) {
  for (const route of compiled) {
    const match = route.regex.exec(pathname);
    if (!match) continue;
    const params = {};
    route.names.forEach((name, index) => {
      params[name] = decodeURIComponent(match[index + 1]);
    });
    return { route, params };
  }
  return null;
}

/** Paths served by other parts of the sandbox: links to them need a real page load. */
export function isAppPath(pathname) {
  return !/^\/(docs|graphql|v1|_app)(\/|$)/.test(pathname);
}
