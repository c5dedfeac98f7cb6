import { generateText, type LanguageModel } from 'ai';
import type { Integration } from '../settings/model-integrations';
import { effectiveBaseURL, originPattern } from './providers';
import { describeProviderFailure, type ConnectionProblem } from './connection-errors';
import { listProviderModels } from './list-models';
import { tokenUsageOf, type TokenUsage } from '../budget/pricing';

export type ConnectionTarget = Pick<Integration, 'provider' | 'baseURL' | 'apiKey'> & { modelId: string };

export interface ConnectionTestResult {
  ok: boolean;
  /** What the models endpoint listed (null when it has none or it failed). */
  models: string[] | null;
  /** The tiny request's answer, when it worked. */
  reply?: string;
  usage?: TokenUsage;
  problem?: ConnectionProblem;
}

export interface ConnectionTestDeps {
  hasHostPermission: (pattern: string) => Promise<boolean>;
  createModel: (target: ConnectionTarget) => LanguageModel;
  fetch?: typeof fetch;
  extensionOrigin?: string;
  timeoutMs?: number;
}

/**
 * "Test connection": can the extension reach the endpoint (host permission),
 * does the key work and does the model exist? Lists the models (where the
 * provider has a models endpoint) and sends one tiny request, then says what
 * is wrong in words the user can act on. The key never appears in the result.
 */
export async function testConnection(target: ConnectionTarget, deps: ConnectionTestDeps): Promise<ConnectionTestResult> {
  const baseURL = effectiveBaseURL(target.provider, target.baseURL);
  const context = { baseURL, modelId: target.modelId, extensionOrigin: deps.extensionOrigin, secrets: [target.apiKey] };
  let pattern: string;
  try {
    pattern = originPattern(baseURL);
  } catch {
    return { ok: false, models: null, problem: { code: 'wrong-url', message: `"${baseURL}" is not an address.` } };
  }
  if (!(await deps.hasHostPermission(pattern))) {
    return {
      ok: false,
      models: null,
      problem: {
        code: 'host-permission',
        message: `The extension is not allowed to reach ${new URL(baseURL).origin} yet.`,
        hint: 'Allow access to it (the browser asks once); the assistant then calls it from its background only.',
        grantOrigin: pattern,
      },
    };
  }

  let models: string[] | null = null;
  try {
    models = await listProviderModels(target, { fetch: deps.fetch, timeoutMs: deps.timeoutMs });
  } catch (error) {
    const problem = describeProviderFailure(error, context);
    // Some compatible servers (Azure deployments, a few proxies) have no models list: the chat request decides.
    if (problem.code !== 'wrong-url' && problem.code !== 'provider') return { ok: false, models: null, problem };
  }

  try {
    const result = await generateText({
      model: deps.createModel(target),
      prompt: 'Reply with the single word OK.',
      maxOutputTokens: 16,
      maxRetries: 0,
      abortSignal: AbortSignal.timeout(deps.timeoutMs ?? 30_000),
    });
    return { ok: true, models, reply: result.text.trim().slice(0, 80), usage: tokenUsageOf(result.usage) };
  } catch (error) {
    return { ok: false, models, problem: describeProviderFailure(error, { ...context, knownModels: models ?? undefined }) };
  }
}
