/**
 * Spacelift's web app routes (the paths its own UI, spacectl and docs link to).
 * One table drives both building a path for `navigate` and reading the entity
 * a page is about for `page_context`.
 */
export type RouteTarget =
  | { kind: 'stacks' }
  | { kind: 'stack'; stackId: string; tab?: 'runs' | 'environment' | 'settings'; section?: string }
  | { kind: 'run'; stackId: string; runId: string }
  | { kind: 'modules' }
  | { kind: 'module'; moduleId: string }
  | { kind: 'module-version'; moduleId: string; versionId: string }
  /** A module's run: a local preview (no version) or a version's test case. */
  | { kind: 'module-run'; moduleId: string; runId: string; versionId?: string }
  | { kind: 'policies' }
  | { kind: 'policy'; policyId: string }
  | { kind: 'contexts' }
  | { kind: 'context'; contextId: string }
  | { kind: 'spaces' }
  | { kind: 'space'; spaceId: string }
  | { kind: 'worker-pools' }
  | { kind: 'worker-pool'; workerPoolId: string }
  | { kind: 'integrations' }
  | { kind: 'cloud-integrations' }
  | { kind: 'api-keys' };

export type RouteKind = RouteTarget['kind'];

interface RouteDef {
  kind: RouteKind;
  /** Segments; `:name` is a parameter. */
  pattern: string;
}

// Order matters for parsing: longer, more specific patterns first.
const ROUTES: RouteDef[] = [
  { kind: 'run', pattern: '/stack/:stackId/run/:runId' },
  // A section of the stack's settings, e.g. /stack/x/settings/source-code.
  { kind: 'stack', pattern: '/stack/:stackId/settings/:section' },
  { kind: 'stack', pattern: '/stack/:stackId/:tab' },
  { kind: 'stack', pattern: '/stack/:stackId' },
  { kind: 'stacks', pattern: '/stacks' },
  { kind: 'module-run', pattern: '/module/:moduleId/version/:versionId/run/:runId' },
  { kind: 'module-run', pattern: '/module/:moduleId/run/:runId' },
  { kind: 'module-version', pattern: '/module/:moduleId/version/:versionId' },
  { kind: 'module', pattern: '/module/:moduleId' },
  { kind: 'modules', pattern: '/modules' },
  { kind: 'policy', pattern: '/policy/:policyId' },
  { kind: 'policies', pattern: '/policies' },
  { kind: 'context', pattern: '/context/:contextId' },
  { kind: 'contexts', pattern: '/contexts' },
  { kind: 'space', pattern: '/spaces/:spaceId' },
  { kind: 'spaces', pattern: '/spaces' },
  { kind: 'worker-pool', pattern: '/worker-pool/:workerPoolId' },
  { kind: 'worker-pools', pattern: '/worker-pools' },
  { kind: 'integrations', pattern: '/integrations' },
  { kind: 'cloud-integrations', pattern: '/cloud-integrations' },
  { kind: 'api-keys', pattern: '/settings/api-keys' },
];

const STACK_TABS = new Set(['runs', 'environment', 'settings']);

/** The app path for a target; every parameter is URL-encoded so an id can never add path segments. */
export function buildPath(target: RouteTarget): string {
  // The most specific route the target has every parameter for (a version's run before a module's run).
  const candidates = ROUTES.filter((r) => r.kind === target.kind);
  const params = target as unknown as Record<string, string | undefined>;
  for (const route of candidates) {
    const names = [...route.pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    // A settings section is a part of the settings tab only.
    if (names.includes('section') && params.tab && params.tab !== 'settings') continue;
    if (names.every((n) => params[n])) {
      return route.pattern.replace(/:(\w+)/g, (_, n: string) => encodeURIComponent(params[n]!));
    }
  }
  throw new Error(`Missing parameters for a ${target.kind} page`);
}

/** The entity a path names, or null for a page we do not know. */
export function parsePath(pathname: string): RouteTarget | null {
  const path = pathname.replace(/\/+$/, '') || '/';
  const segments = path.split('/').slice(1);
  for (const route of ROUTES) {
    const parts = route.pattern.split('/').slice(1);
    if (parts.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = parts.every((part, i) => {
      const segment = segments[i]!;
      if (part.startsWith(':')) {
        params[part.slice(1)] = safeDecode(segment);
        return segment.length > 0;
      }
      return part === segment;
    });
    if (!matches) continue;
    if (route.kind === 'stack' && params.tab && !STACK_TABS.has(params.tab)) continue;
    if (route.kind === 'stack' && params.section) return { kind: 'stack', stackId: params.stackId!, tab: 'settings', section: params.section };
    return { kind: route.kind, ...params } as RouteTarget;
  }
  return null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Resolve a path the model gave against the page's origin, and accept it only
 * if it stays on that origin over http(s). Returns the same-origin path.
 */
export function sameOriginPath(input: string, origin: string): string | null {
  const trimmed = input.trim();
  if (!trimmed || /^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
