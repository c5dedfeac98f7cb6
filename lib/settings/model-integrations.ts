import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { PROVIDERS, PROVIDER_INFO, type ProviderKind } from '../models/providers';
import { resolveModelInfo, type ModelInfo } from '../models/model-catalog';
import { maskKey, modelSettingsItem, type ModelSettings } from './model-settings';

/**
 * AI integrations: the model providers the assistant may use, each with its
 * own key, models, budget and (optionally) the Spacelift spaces it is for.
 *
 * Keys live only here, in storage.local (never sync), and only the background
 * reads this item. Every other context gets PublicIntegration, which says
 * whether a key is set and shows its last four characters.
 */
const priceSchema = z.object({
  inputPerM: z.number().min(0).max(10_000),
  outputPerM: z.number().min(0).max(10_000),
  cachedInputPerM: z.number().min(0).max(10_000).optional(),
  cacheWritePerM: z.number().min(0).max(10_000).optional(),
});

export const integrationModelSchema = z.object({
  id: z.string().trim().min(1).max(200),
  /** The user's own figures, over the maintained table (lib/models/model-catalog.ts). */
  toolCalling: z.boolean().optional(),
  contextTokens: z.number().int().positive().max(100_000_000).optional(),
  price: priceSchema.optional(),
});
export type IntegrationModel = z.infer<typeof integrationModelSchema>;

export const spaceScopeSchema = z.object({
  /** The Spacelift account (origin) whose spaces these are. */
  account: z.string().url(),
  spaceIds: z.array(z.string().trim().min(1).max(200)).min(1).max(100),
});
export type SpaceScope = z.infer<typeof spaceScopeSchema>;

export const organizationMarkSchema = z.object({
  /** The Spacelift account that provides it. */
  account: z.string().url(),
  /** Who marked it (a Spacelift admin of that account) and when. */
  markedBy: z.string().max(200),
  markedAt: z.number(),
});
export type OrganizationMark = z.infer<typeof organizationMarkSchema>;

export const integrationSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().trim().min(1, 'Give the integration a name').max(60),
  provider: z.enum(PROVIDERS),
  baseURL: z.string().trim().max(500),
  apiKey: z.string().trim().max(1000),
  models: z.array(integrationModelSchema).min(1, 'Add at least one model').max(300),
  defaultModel: z.string().trim().min(1).max(200),
  /** undefined: the default for its kind (organization: $10 / 30 days, personal: none); null: none. */
  budgetUsd: z.number().min(0).max(1_000_000).nullable().optional(),
  spaces: spaceScopeSchema.optional(),
  organization: organizationMarkSchema.optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type Integration = z.infer<typeof integrationSchema>;

export interface ModelSelection {
  integrationId: string;
  modelId: string;
}

export interface IntegrationsState {
  integrations: Integration[];
  /** What a new conversation starts with: the last choice made in the panel, or the popup's default. */
  defaultSelection: ModelSelection | null;
}

const EMPTY: IntegrationsState = { integrations: [], defaultSelection: null };

export const integrationsItem = storage.defineItem<IntegrationsState>('local:modelIntegrations', { fallback: EMPTY });

/** An integration as extension pages and the panel see it: never the key. */
export interface PublicIntegration {
  id: string;
  name: string;
  provider: ProviderKind;
  baseURL: string;
  hasApiKey: boolean;
  maskedKey: string;
  models: (ModelInfo & { custom: IntegrationModel })[];
  defaultModel: string;
  budgetUsd?: number | null;
  spaces?: SpaceScope;
  organization?: OrganizationMark;
}

export function toPublicIntegration(integration: Integration): PublicIntegration {
  return {
    id: integration.id,
    name: integration.name,
    provider: integration.provider,
    baseURL: integration.baseURL,
    hasApiKey: integration.apiKey.length > 0,
    maskedKey: maskKey(integration.apiKey),
    models: integration.models.map((model) => ({ ...modelInfoOf(integration, model.id), custom: model })),
    defaultModel: integration.defaultModel,
    ...(integration.budgetUsd !== undefined ? { budgetUsd: integration.budgetUsd } : {}),
    ...(integration.spaces ? { spaces: integration.spaces } : {}),
    ...(integration.organization ? { organization: integration.organization } : {}),
  };
}

/** A model of an integration with its capabilities and price (the user's figures over the table). */
export function modelInfoOf(integration: Pick<Integration, 'provider' | 'models'>, modelId: string): ModelInfo {
  const own = integration.models.find((m) => m.id === modelId);
  return resolveModelInfo(integration.provider, modelId, own ?? {});
}

/** What the popup sends. An empty apiKey keeps the stored one; no id creates a new integration. */
export type IntegrationInput = Omit<Integration, 'id' | 'apiKey' | 'createdAt' | 'updatedAt' | 'organization'> & {
  id?: string;
  apiKey?: string;
};

/** A writer at a time: the background is the only one, but its requests interleave. */
let queue: Promise<unknown> = Promise.resolve();
function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

/**
 * The stored integrations. The first read after an update from the
 * single-model settings turns the old `modelSettings` into an integration
 * (the default one), so nobody has to set their model up again.
 */
export function loadIntegrations(): Promise<IntegrationsState> {
  return serialized(async () => {
    const [state, legacy] = await Promise.all([integrationsItem.getValue(), modelSettingsItem.getValue()]);
    if (!legacy) return state;
    const migrated = migrateLegacySettings(state, legacy, Date.now());
    await integrationsItem.setValue(migrated);
    await modelSettingsItem.removeValue();
    return migrated;
  });
}

export function migrateLegacySettings(state: IntegrationsState, legacy: ModelSettings, now: number): IntegrationsState {
  if (!legacy.model) return state;
  const integration: Integration = {
    id: 'migrated-model-settings',
    name: legacy.provider === 'openai' ? 'OpenAI' : hostName(legacy.baseURL) || 'Custom endpoint',
    provider: legacy.provider,
    baseURL: legacy.baseURL,
    apiKey: legacy.apiKey,
    models: [{ id: legacy.model }],
    defaultModel: legacy.model,
    createdAt: now,
    updatedAt: now,
  };
  const others = state.integrations.filter((i) => i.id !== integration.id);
  return {
    integrations: [integration, ...others],
    defaultSelection: state.defaultSelection ?? { integrationId: integration.id, modelId: legacy.model },
  };
}

function hostName(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function update(change: (state: IntegrationsState) => IntegrationsState): Promise<IntegrationsState> {
  return serialized(async () => {
    const next = change(await integrationsItem.getValue());
    await integrationsItem.setValue(next);
    return next;
  });
}

/** Check what the popup sent and store it; returns the stored integration. */
export async function saveIntegration(input: IntegrationInput, now = Date.now(), newId: () => string = () => crypto.randomUUID()): Promise<Integration> {
  await loadIntegrations();
  let saved: Integration | undefined;
  await update((state) => {
    const previous = input.id ? state.integrations.find((i) => i.id === input.id) : undefined;
    if (input.id && !previous) throw new Error('That integration no longer exists.');
    const apiKey = input.apiKey?.trim() ? input.apiKey.trim() : (previous?.apiKey ?? '');
    const models = dedupeModels(input.models);
    const candidate = integrationSchema.parse({
      ...input,
      id: previous?.id ?? newId(),
      apiKey,
      models,
      defaultModel: models.some((m) => m.id === input.defaultModel) ? input.defaultModel : models[0]?.id,
      organization: previous?.organization,
      createdAt: previous?.createdAt ?? now,
      updatedAt: now,
    });
    validate(candidate);
    saved = candidate;
    const integrations = previous
      ? state.integrations.map((i) => (i.id === candidate.id ? candidate : i))
      : [...state.integrations, candidate];
    const selection = state.defaultSelection;
    const selectionGone = !selection || (selection.integrationId === candidate.id && !candidate.models.some((m) => m.id === selection.modelId));
    return {
      integrations,
      defaultSelection: selectionGone ? { integrationId: candidate.id, modelId: candidate.defaultModel } : selection,
    };
  });
  return saved!;
}

function dedupeModels(models: readonly IntegrationModel[]): IntegrationModel[] {
  const seen = new Set<string>();
  return models.filter((m) => {
    const id = m.id.trim();
    if (!id || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function validate(integration: Integration): void {
  const info = PROVIDER_INFO[integration.provider];
  if (info.needsBaseURL && !integration.baseURL) throw new Error(`${info.label.split(' (')[0]} needs a base URL, e.g. ${info.placeholderBaseURL}`);
  if (integration.baseURL && !/^https?:\/\/[^/]+/i.test(integration.baseURL)) throw new Error('The base URL must start with http:// or https://');
  if (info.needsApiKey && !integration.apiKey) throw new Error(`${info.label} needs an API key.`);
}

export async function deleteIntegration(id: string): Promise<IntegrationsState> {
  await loadIntegrations();
  return update((state) => {
    const integrations = state.integrations.filter((i) => i.id !== id);
    const first = integrations[0];
    const defaultSelection =
      state.defaultSelection?.integrationId === id ? (first ? { integrationId: first.id, modelId: first.defaultModel } : null) : state.defaultSelection;
    return { integrations, defaultSelection };
  });
}

export async function setDefaultSelection(selection: ModelSelection): Promise<IntegrationsState> {
  await loadIntegrations();
  return update((state) => {
    const integration = state.integrations.find((i) => i.id === selection.integrationId);
    if (!integration) throw new Error('That integration no longer exists.');
    if (!integration.models.some((m) => m.id === selection.modelId)) throw new Error(`${integration.name} has no model ${selection.modelId}.`);
    return { ...state, defaultSelection: selection };
  });
}

export async function setOrganizationMark(id: string, mark: OrganizationMark | null): Promise<Integration> {
  await loadIntegrations();
  let changed: Integration | undefined;
  await update((state) => ({
    ...state,
    integrations: state.integrations.map((i) => {
      if (i.id !== id) return i;
      const { organization: _old, ...rest } = i;
      changed = mark ? { ...rest, organization: mark, updatedAt: Date.now() } : { ...rest, updatedAt: Date.now() };
      return changed;
    }),
  }));
  if (!changed) throw new Error('That integration no longer exists.');
  return changed;
}

/**
 * The selection to use: the one asked for when it still exists, else the
 * default, else the first integration's default model; only among `usable`.
 */
export function resolveSelection(
  usable: readonly Pick<Integration, 'id' | 'models' | 'defaultModel'>[],
  wanted: Partial<ModelSelection> | null | undefined,
  fallback: ModelSelection | null,
): ModelSelection | null {
  for (const candidate of [wanted, fallback]) {
    const integration = candidate?.integrationId ? usable.find((i) => i.id === candidate.integrationId) : undefined;
    if (!integration) continue;
    const modelId = integration.models.some((m) => m.id === candidate?.modelId) ? candidate!.modelId! : integration.defaultModel;
    return { integrationId: integration.id, modelId };
  }
  const first = usable[0];
  return first ? { integrationId: first.id, modelId: first.defaultModel } : null;
}
