import { APICallError } from 'ai';

/** What went wrong, in terms of what the user can do about it. */
export type AssistantErrorCode =
  | 'no-model'
  | 'auth'
  | 'model-not-found'
  | 'endpoint-not-found'
  | 'rate-limit'
  | 'quota'
  | 'overloaded'
  | 'context-too-long'
  | 'network'
  | 'provider'
  | 'interrupted'
  | 'budget-exhausted'
  | 'cors-refused'
  | 'host-permission'
  | 'no-tools'
  | 'unknown';

/** switch-integration: offer another integration (or setting up one's own), as a budget notice does. */
export type AssistantErrorAction = 'retry' | 'open-settings' | 'switch-model' | 'switch-integration';

export interface AssistantErrorInfo {
  code: AssistantErrorCode;
  message: string;
  action: AssistantErrorAction;
}

const MESSAGES: Record<AssistantErrorCode, { message: string; action: AssistantErrorAction }> = {
  'no-model': { message: 'No model is set up yet. Add one in the extension settings.', action: 'open-settings' },
  auth: { message: 'The model provider refused the API key. Check the key in settings.', action: 'open-settings' },
  'model-not-found': { message: 'The provider does not know this model. Pick another model in settings.', action: 'switch-model' },
  'endpoint-not-found': { message: 'The model endpoint answered "not found": check the integration\'s base URL in settings.', action: 'open-settings' },
  'rate-limit': { message: 'The provider is rate-limiting requests. Wait a moment and retry.', action: 'retry' },
  quota: { message: 'The provider says this account has no quota or credit left. Check billing with the provider, or pick another model.', action: 'switch-model' },
  overloaded: { message: 'The provider is overloaded right now. Wait a moment and retry.', action: 'retry' },
  'context-too-long': { message: 'This conversation is too long for the model. Start a new conversation or switch to a model with a larger context.', action: 'switch-model' },
  network: { message: 'The model endpoint could not be reached. Check the base URL and your connection, then retry.', action: 'retry' },
  provider: { message: 'The model provider returned an error.', action: 'retry' },
  interrupted: { message: 'The answer was interrupted before it finished: continue it from where it stopped, or retry it from the start.', action: 'retry' },
  'budget-exhausted': { message: 'The budget of this integration is used up for now.', action: 'switch-integration' },
  'cors-refused': {
    message: 'The model endpoint refused requests from the extension (CORS). For Ollama, set OLLAMA_ORIGINS to allow the extension, then restart it.',
    action: 'open-settings',
  },
  'host-permission': {
    message: 'The extension is not allowed to reach this model endpoint yet. Open settings, edit the integration and use Test connection: it asks for access.',
    action: 'open-settings',
  },
  'no-tools': { message: 'This model cannot call tools. Mark it as without tool calling in settings, or pick another model.', action: 'switch-model' },
  unknown: { message: 'Something went wrong.', action: 'retry' },
};

export function errorInfo(code: AssistantErrorCode, detail?: string): AssistantErrorInfo {
  const base = MESSAGES[code];
  return { code, action: base.action, message: detail ? `${base.message} (${detail})` : base.message };
}

/** Secrets must never reach an error message: strip anything that looks like a key or token. */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  return out
    .replace(/\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}/g, '[redacted]')
    .replace(/Bearer\s+[A-Za-z0-9._-]{8,}/gi, 'Bearer [redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+/g, '[redacted-jwt]');
}

// What providers put in their error bodies, lower-cased (OpenAI, Anthropic, Google, Ollama, LM Studio,
// vLLM, LiteLLM, OpenRouter, Azure): matched on the body because status codes are used loosely.
const NO_TOOLS = /does not support tools|tool use is not supported|tools? (?:is|are) not supported|does not support (?:function|tool) calling/;
const CONTEXT_TOO_LONG =
  /context_length|context length|maximum context|context window|prompt is too long|too many tokens|exceeds the maximum number of tokens|input token count|reduce the length of the messages|string_above_max_length/;
const MODEL_UNKNOWN = /model_not_found|model not found|unknown model|invalid model|no such model|model .{1,120} (?:does not exist|not found|is not found|is not supported)|not_found_error.{0,80}model|try pulling it first/;
const QUOTA = /insufficient_quota|exceeded your current quota|credit balance is too low|billing|payment required|out of credits/;
const OVERLOADED = /overloaded/;

/** Turn whatever a provider call threw into a typed error the panel can act on. */
export function classifyError(error: unknown, secrets: readonly string[] = []): AssistantErrorInfo {
  const cause = unwrap(error);
  if (APICallError.isInstance(cause)) {
    const body = (cause.responseBody ?? '').toLowerCase();
    const status = cause.statusCode;
    const detail = redactSecrets(`HTTP ${status ?? '?'}${cause.message ? `: ${cause.message}` : ''}`, secrets).slice(0, 200);
    if (NO_TOOLS.test(body)) return errorInfo('no-tools', detail);
    // Ollama answers a request from an origin it does not allow with a bare 403.
    if (status === 403 && !body.trim()) return errorInfo('cors-refused', detail);
    if (status === 401 || status === 403) return errorInfo('auth', detail);
    if (QUOTA.test(body) || status === 402) return errorInfo('quota', detail);
    if (CONTEXT_TOO_LONG.test(body) || status === 413) return errorInfo('context-too-long', detail);
    if (MODEL_UNKNOWN.test(body)) return errorInfo('model-not-found', detail);
    // A 404 that says nothing of a model is a wrong path (a base URL without /v1, a proxy's own page).
    if (status === 404) return errorInfo(/model/.test(body) ? 'model-not-found' : 'endpoint-not-found', detail);
    if (status === 429) return errorInfo('rate-limit', detail);
    if (status === 529 || status === 503 || OVERLOADED.test(body)) return errorInfo('overloaded', detail);
    if (status === undefined) return errorInfo('network', detail);
    return errorInfo('provider', detail);
  }
  const message = cause instanceof Error ? cause.message : String(cause);
  if (/fetch failed|failed to fetch|networkerror|econnrefused|enotfound/i.test(message)) {
    return errorInfo('network', redactSecrets(message, secrets).slice(0, 200));
  }
  return errorInfo('unknown', redactSecrets(message, secrets).slice(0, 200));
}

function unwrap(error: unknown): unknown {
  // The SDK wraps retried failures in a RetryError whose lastError is the real one.
  let current = error;
  for (let i = 0; i < 3; i++) {
    const last = (current as { lastError?: unknown } | null)?.lastError;
    if (!last) break;
    current = last;
  }
  return current;
}
