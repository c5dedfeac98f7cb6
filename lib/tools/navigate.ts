import { tool } from 'ai';
import { z } from 'zod';
import { buildPath, sameOriginPath, type RouteTarget } from '../spacelift/routes';
import type { NavigationResult } from '../page/navigate-in-page';
import { asUntrusted } from '../agent/untrusted';

export interface NavigateDeps {
  /** The origin of the Spacelift app the user is on: navigation never leaves it. */
  origin: string;
  navigate: (path: string) => Promise<NavigationResult>;
}

const PAGES = [
  'stacks', 'stack', 'run', 'modules', 'module', 'module-version', 'module-run', 'policies', 'policy', 'contexts', 'context',
  'spaces', 'space', 'worker-pools', 'worker-pool', 'integrations', 'cloud-integrations', 'api-keys', 'path',
] as const;

const inputSchema = z.object({
  page: z.enum(PAGES).describe('Which page. Use "path" only for a page not listed, together with `path`.'),
  stackId: z.string().optional().describe('Stack id (slug), for stack and run pages'),
  tab: z.enum(['runs', 'environment', 'settings']).optional().describe('A tab of the stack page'),
  section: z.string().optional().describe('A section of the stack settings, e.g. "source-code"'),
  runId: z.string().optional().describe('Run id (ULID), for a stack run or a module run'),
  moduleId: z.string().optional(),
  versionId: z.string().optional(),
  policyId: z.string().optional(),
  contextId: z.string().optional(),
  spaceId: z.string().optional(),
  workerPoolId: z.string().optional(),
  path: z.string().optional().describe('A path on this Spacelift app, e.g. /stack/prod-network/run/01HX…'),
});

/** Take the user to a page of the Spacelift app they are on (same origin only). */
export function createNavigateTool(deps: NavigateDeps) {
  return tool({
    description:
      'Open a page of the Spacelift app in the user\'s tab: a stack, a run, a module, a policy, a context, a space, a worker pool, or a list page. Use it when the user asks to go to or open something, or to show them what you found. The conversation continues on the new page.',
    inputSchema,
    execute: async (input) => {
      const requested = input.page === 'path' ? input.path ?? '' : buildPath(toTarget(input));
      const path = sameOriginPath(requested, deps.origin);
      if (!path) throw new Error(`Refused: "${requested}" is not a page of ${deps.origin}. Only pages of the Spacelift app the user is on can be opened.`);
      const result = await deps.navigate(path);
      return { openedPath: path, url: result.url, title: result.title, how: result.mode };
    },
    // The new page's title is the page's own text.
    toModelOutput: ({ output }) => ({
      type: 'json',
      value: { openedPath: output.openedPath, url: output.url, how: output.how, page: asUntrusted('spacelift-page', { title: output.title }) } as never,
    }),
  });
}

function toTarget(input: z.infer<typeof inputSchema>): RouteTarget {
  const { page, path: _path, ...ids } = input;
  return { kind: page, ...ids } as RouteTarget;
}
