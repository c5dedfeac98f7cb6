import { APICallError } from 'ai';
import { redactSecrets } from '../agent/errors';
import { EndpointError } from './list-models';

/** Why an integration does not work, in terms of what the user can do about it. */
export type ConnectionProblemCode =
  | 'bad-key'
  | 'unknown-model'
  | 'unreachable'
  | 'cors-refused'
  | 'host-permission'
  | 'wrong-url'
  | 'rate-limit'
  | 'no-tools'
  | 'provider';

export interface ConnectionProblem {
  code: ConnectionProblemCode;
  message: string;
  /** The next step, when there is more to say than the message. */
  hint?: string;
  /** For host-permission: the match pattern to ask for (the popup asks on the user's click). */
  grantOrigin?: string;
}

export interface ProblemContext {
  /** The URL the integration really calls (the provider's default when the field is empty). */
  baseURL: string;
  modelId?: string;
  /** Models the endpoint listed, to suggest when the model is unknown. */
  knownModels?: readonly string[];
  /** The extension's own origin, for the OLLAMA_ORIGINS hint (chrome-extension://<id>). */
  extensionOrigin?: string;
  secrets?: readonly string[];
}

interface Failure {
  status: number | undefined;
  body: string;
  message: string;
}

function failureOf(error: unknown): Failure {
  let cause = error;
  // The SDK wraps retried failures in a RetryError whose lastError is the real one.
  for (let i = 0; i < 3 && (cause as { lastError?: unknown } | null)?.lastError; i++) cause = (cause as { lastError: unknown }).lastError;
  if (APICallError.isInstance(cause)) return { status: cause.statusCode, body: cause.responseBody ?? '', message: cause.message };
  if (cause instanceof EndpointError) return { status: cause.statusCode, body: cause.responseBody, message: cause.message };
  return { status: undefined, body: '', message: cause instanceof Error ? cause.message : String(cause) };
}

/**
 * Turn a failed request to a model provider into an actionable problem:
 * which of key, model, address, CORS or permission is wrong, and how to fix it.
 */
export function describeProviderFailure(error: unknown, context: ProblemContext): ConnectionProblem {
  const { status, body, message } = failureOf(error);
  const secrets = context.secrets ?? [];
  const text = `${body} ${message}`.toLowerCase();
  const detail = redactSecrets(providerMessage(body) ?? message, secrets).slice(0, 200);
  const where = context.baseURL;

  if (status === undefined) {
    if (/timeout|did not answer in time|aborted/i.test(message)) {
      return { code: 'unreachable', message: `${where} did not answer in time.`, hint: 'Check that the server is running and not overloaded, then test again.' };
    }
    return {
      code: 'unreachable',
      message: `Nothing answered at ${where}.`,
      hint: /localhost|127\.0\.0\.1|\[::1\]/.test(where)
        ? 'Is the local server running (for Ollama: `ollama serve`) and listening on that port?'
        : 'Check the base URL and your network connection (VPN, proxy), then test again.',
    };
  }
  if (text.includes('does not support tools') || text.includes('tool use is not supported') || text.includes('tools are not supported')) {
    return {
      code: 'no-tools',
      message: `${context.modelId ?? 'This model'} cannot call tools.`,
      hint: 'Untick "Tool calling" for this model: it will then chat without the assistant\'s tools.',
    };
  }
  if (status === 401 || (status === 403 && /api[_ -]?key|unauthori|permission|credential|forbidden: key/i.test(body))) {
    return {
      code: 'bad-key',
      message: `The provider refused the API key (HTTP ${status}).`,
      hint: `Check the key, that it belongs to this provider, and that it is still active.${detail ? ` The provider said: ${detail}` : ''}`,
    };
  }
  if (status === 403) {
    // Ollama (and some proxies) answer a request from an origin they do not allow with a bare 403.
    return {
      code: 'cors-refused',
      message: `${where} refused requests from the extension (HTTP 403, CORS).`,
      hint: `If this is Ollama, allow the extension's origin and restart it: OLLAMA_ORIGINS=${context.extensionOrigin ?? 'chrome-extension://*'} ollama serve (or set OLLAMA_ORIGINS in the Ollama service's environment). Other servers: allow this origin in their CORS settings.`,
    };
  }
  if (isUnknownModel(status, text)) {
    const suggestions = context.knownModels?.length ? ` It offers: ${context.knownModels.slice(0, 8).join(', ')}${context.knownModels.length > 8 ? ', …' : ''}.` : '';
    return {
      code: 'unknown-model',
      message: `The provider does not know the model "${context.modelId ?? '?'}".`,
      hint: `Pick one of the models the endpoint lists, or check the spelling.${suggestions}`,
    };
  }
  if (status === 404 || status === 405) {
    return {
      code: 'wrong-url',
      message: `${where} has no such API (HTTP ${status}).`,
      hint: 'Check the base URL: OpenAI-compatible servers usually end in /v1 (Ollama: http://localhost:11434/v1).',
    };
  }
  if (status === 429) {
    return { code: 'rate-limit', message: 'The provider is rate-limiting this key (HTTP 429).', hint: `Wait a moment, or check the key's quota.${detail ? ` ${detail}` : ''}` };
  }
  return { code: 'provider', message: `The provider answered HTTP ${status}.`, ...(detail ? { hint: detail } : {}) };
}

function isUnknownModel(status: number | undefined, text: string): boolean {
  if (text.includes('model_not_found') || /model.{0,80}(does not exist|not found|not_found|unknown)/.test(text) || text.includes('no such model')) return true;
  return status === 404 && text.includes('model');
}

/** The message in a provider's JSON error body ({ error: { message } } or { error: "..." }), if any. */
function providerMessage(body: string): string | undefined {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: string } | string; message?: string };
    if (typeof parsed.error === 'string') return parsed.error;
    return parsed.error?.message ?? parsed.message;
  } catch {
    return undefined;
  }
}
