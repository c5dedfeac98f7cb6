import { useState } from 'react';
import { browser } from 'wxt/browser';
import { requestBackground } from '../../lib/messaging/requests';
import type { IntegrationInput, IntegrationModel, PublicIntegration } from '../../lib/settings/model-integrations';
import type { ConnectionTestResult } from '../../lib/models/connection-test';
import type { ConnectionProblem } from '../../lib/models/connection-errors';
import { PROVIDER_INFO, type ProviderKind } from '../../lib/models/providers';
import type { AccessibleSpace } from '../../lib/models/scoping';

export interface IntegrationDraft {
  id?: string;
  name: string;
  provider: ProviderKind;
  baseURL: string;
  /** Typed by the user; empty keeps the stored key. */
  apiKey: string;
  models: IntegrationModel[];
  defaultModel: string;
  /** '' = the default for its kind; 'none' = no budget; else US dollars. */
  budget: string;
  scopeAccount: string;
  scopeSpaceIds: string[];
}

export type TestState =
  | { kind: 'idle' }
  | { kind: 'busy'; message: string }
  | { kind: 'ok'; message: string }
  | { kind: 'problem'; problem: ConnectionProblem };

export function draftOf(integration?: PublicIntegration): IntegrationDraft {
  if (!integration) {
    return { name: '', provider: 'openai-compatible', baseURL: '', apiKey: '', models: [], defaultModel: '', budget: '', scopeAccount: '', scopeSpaceIds: [] };
  }
  return {
    id: integration.id,
    name: integration.name,
    provider: integration.provider,
    baseURL: integration.baseURL,
    apiKey: '',
    models: integration.models.map((m) => m.custom),
    defaultModel: integration.defaultModel,
    budget: integration.budgetUsd === undefined ? '' : integration.budgetUsd === null ? 'none' : String(integration.budgetUsd),
    scopeAccount: integration.spaces?.account ?? '',
    scopeSpaceIds: integration.spaces?.spaceIds ?? [],
  };
}

/** What the background gets: the draft checked for shape (the background checks the rest). */
export function inputOf(draft: IntegrationDraft): IntegrationInput {
  const budget = draft.budget.trim().replace(/^\$/, '');
  let budgetUsd: number | null | undefined;
  if (budget === 'none') budgetUsd = null;
  else if (budget) {
    budgetUsd = Number(budget);
    if (!Number.isFinite(budgetUsd) || budgetUsd < 0) throw new Error('The budget is an amount in US dollars per 30 days, e.g. 25, or empty.');
  }
  const spaceIds = draft.scopeSpaceIds.map((s) => s.trim()).filter(Boolean);
  if (spaceIds.length && !draft.scopeAccount.trim()) throw new Error('Say which Spacelift account the spaces belong to.');
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name.trim() || PROVIDER_INFO[draft.provider].label.split(' (')[0]!,
    provider: draft.provider,
    baseURL: draft.baseURL.trim(),
    ...(draft.apiKey.trim() ? { apiKey: draft.apiKey.trim() } : {}),
    models: draft.models,
    defaultModel: draft.defaultModel || draft.models[0]?.id || '',
    ...(budgetUsd !== undefined ? { budgetUsd } : {}),
    ...(spaceIds.length ? { spaces: { account: new URL(draft.scopeAccount.trim()).origin, spaceIds } } : {}),
  };
}

/** The integration form: edit, fetch the provider's models, test the connection, ask for a host permission. */
export function useIntegrationForm(initial: PublicIntegration | undefined, onTested?: () => void) {
  const [draft, setDraft] = useState<IntegrationDraft>(() => draftOf(initial));
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const [spaces, setSpaces] = useState<{ spaces: AccessibleSpace[] } | { problem: string }>();
  const update = (patch: Partial<IntegrationDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const addModels = (ids: readonly string[]) =>
    setDraft((d) => {
      const have = new Set(d.models.map((m) => m.id));
      const models = [...d.models, ...ids.filter((id) => id.trim() && !have.has(id.trim())).map((id) => ({ id: id.trim() }))];
      return { ...d, models, defaultModel: d.defaultModel || models[0]?.id || '' };
    });
  const updateModel = (id: string, patch: Partial<IntegrationModel> | null) =>
    setDraft((d) => {
      const models = patch === null ? d.models.filter((m) => m.id !== id) : d.models.map((m) => (m.id === id ? { ...m, ...patch } : m));
      return { ...d, models, defaultModel: models.some((m) => m.id === d.defaultModel) ? d.defaultModel : models[0]?.id || '' };
    });

  const fetchModels = async () => {
    setTest({ kind: 'busy', message: 'Asking the provider for its models…' });
    try {
      const result = await requestBackground('models.fetchModels', { draft: inputOf({ ...draft, models: draft.models.length ? draft.models : [{ id: 'any' }] }) });
      if (result.problem) setTest({ kind: 'problem', problem: result.problem });
      else {
        addModels(result.models ?? []);
        setTest({ kind: 'ok', message: `The provider lists ${result.models?.length ?? 0} models.` });
      }
    } catch (e) {
      setTest({ kind: 'problem', problem: { code: 'provider', message: e instanceof Error ? e.message : String(e) } });
    }
  };

  const runTest = async () => {
    const modelId = draft.defaultModel || draft.models[0]?.id;
    if (!modelId) {
      setTest({ kind: 'problem', problem: { code: 'unknown-model', message: 'Add a model first (or fetch the provider\'s list).' } });
      return;
    }
    setTest({ kind: 'busy', message: `Testing ${modelId}…` });
    try {
      const result: ConnectionTestResult = await requestBackground('models.testConnection', { draft: inputOf(draft), modelId });
      if (result.ok) {
        setTest({ kind: 'ok', message: `Connected: ${modelId} answered${result.reply ? ` "${result.reply}"` : ''}.${result.models ? ` The endpoint lists ${result.models.length} models.` : ''}` });
      } else setTest({ kind: 'problem', problem: result.problem! });
      if (result.usage && draft.id) onTested?.();
    } catch (e) {
      setTest({ kind: 'problem', problem: { code: 'provider', message: e instanceof Error ? e.message : String(e) } });
    }
  };

  /** On the user's click, as browsers require: ask for the endpoint's host, then test again. */
  const grant = async (pattern: string) => {
    const granted = await browser.permissions.request({ origins: [pattern] }).catch(() => false);
    if (!granted) {
      setTest({ kind: 'problem', problem: { code: 'host-permission', message: `Access to ${pattern.replace(/\/\*$/, '')} was not granted, so the assistant cannot call it.`, grantOrigin: pattern } });
      return;
    }
    await runTest();
  };

  const loadSpaces = async () => {
    setSpaces(undefined);
    try {
      const account = new URL(/^https?:\/\//.test(draft.scopeAccount.trim()) ? draft.scopeAccount.trim() : `https://${draft.scopeAccount.trim()}`).origin;
      update({ scopeAccount: account });
      setSpaces(await requestBackground('models.listSpaces', { account }));
    } catch (e) {
      setSpaces({ problem: e instanceof Error ? e.message : String(e) });
    }
  };

  return { draft, update, addModels, updateModel, fetchModels, test, runTest, grant, spaces, loadSpaces };
}
