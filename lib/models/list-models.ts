import { effectiveBaseURL, type ProviderKind } from './providers';

/** The failure of a request we make ourselves (models list), shaped like the AI SDK's for one error mapping. */
export class EndpointError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly responseBody: string,
    readonly url: string,
  ) {
    super(message);
    this.name = 'EndpointError';
  }
}

type Fetch = typeof fetch;

/**
 * The models the provider offers to this key, from its models endpoint.
 * All four provider kinds have one: OpenAI and compatible servers
 * `GET /models`, Anthropic `GET /v1/models`, Google `GET /v1beta/models`
 * (only models that can generate content).
 */
export async function listProviderModels(
  integration: { provider: ProviderKind; baseURL: string; apiKey: string },
  options: { fetch?: Fetch; timeoutMs?: number } = {},
): Promise<string[]> {
  const base = effectiveBaseURL(integration.provider, integration.baseURL);
  const fetchImpl = options.fetch ?? ((...args: Parameters<Fetch>) => fetch(...args));
  const headers: Record<string, string> = {};
  let url = `${base}/models`;
  if (integration.provider === 'anthropic') {
    if (integration.apiKey) headers['x-api-key'] = integration.apiKey;
    headers['anthropic-version'] = '2023-06-01';
    headers['anthropic-dangerous-direct-browser-access'] = 'true';
    url = `${base}/models?limit=1000`;
  } else if (integration.provider === 'google') {
    if (integration.apiKey) headers['x-goog-api-key'] = integration.apiKey;
    url = `${base}/models?pageSize=1000`;
  } else if (integration.apiKey) {
    headers.authorization = `Bearer ${integration.apiKey}`;
  }
  let response: Response;
  try {
    response = await fetchImpl(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new EndpointError(timedOut ? 'The endpoint did not answer in time' : 'Failed to fetch', undefined, '', url);
  }
  const body = await response.text();
  if (!response.ok) throw new EndpointError(`HTTP ${response.status}`, response.status, body, url);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new EndpointError('The models endpoint did not answer JSON', response.status, body.slice(0, 200), url);
  }
  return modelIdsOf(integration.provider, parsed);
}

export function modelIdsOf(provider: ProviderKind, body: unknown): string[] {
  const data = body as { data?: { id?: string }[]; models?: { name?: string; supportedGenerationMethods?: string[] }[] };
  const ids =
    provider === 'google'
      ? (data.models ?? [])
          .filter((m) => !m.supportedGenerationMethods || m.supportedGenerationMethods.includes('generateContent'))
          .map((m) => (m.name ?? '').replace(/^models\//, ''))
      : (data.data ?? []).map((m) => m.id ?? '');
  return [...new Set(ids.filter(Boolean))].sort();
}
