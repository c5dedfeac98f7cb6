import { browser } from 'wxt/browser';
import { handleRequests } from '../messaging/requests';
import type { BackgroundRequests, IntegrationsView } from '../messaging/protocol';
import {
  deleteIntegration,
  integrationSchema,
  loadIntegrations,
  modelInfoOf,
  saveIntegration,
  setDefaultSelection,
  setOrganizationMark,
  toPublicIntegration,
  type IntegrationInput,
} from '../settings/model-integrations';
import type { ModelService } from '../models/model-service';
import type { UsageLedger } from '../budget/usage-ledger';
import { testConnection, type ConnectionTarget } from '../models/connection-test';
import { createLanguageModel } from '../models/create-language-model';
import { listProviderModels } from '../models/list-models';
import { describeProviderFailure } from '../models/connection-errors';
import { effectiveBaseURL, originPattern } from '../models/providers';
import { fetchAccessibleSpaces, isAccountAdmin } from '../models/scoping';
import type { SpaceliftClient } from '../spacelift/graphql-client';
import { accountOf, isExtensionPage, trustSender } from './sender-policy';
import { normalizeOrigin } from './spacelift-requests';

type PanelRequests = Pick<BackgroundRequests, 'models.panelState' | 'models.select'>;
type PopupRequests = Pick<
  BackgroundRequests,
  | 'models.listIntegrations'
  | 'models.saveIntegration'
  | 'models.deleteIntegration'
  | 'models.setDefault'
  | 'models.testConnection'
  | 'models.fetchModels'
  | 'models.usage'
  | 'models.listSpaces'
  | 'models.setOrganization'
>;

export interface ModelRequestDeps {
  models: ModelService;
  ledger: UsageLedger;
  spaceliftClient: (account: string) => Pick<SpaceliftClient, 'request'>;
  /** Integrations or scopes changed: forget cached space access. */
  onChange?: () => void;
}

const hasHostPermission = (pattern: string) => browser.permissions.contains({ origins: [pattern] });
const extensionOrigin = () => browser.runtime.getURL('/').replace(/\/$/, '');

export function registerModelRequests(deps: ModelRequestDeps): void {
  // The panel (a content script on a Spacelift page) and extension pages: nothing here has a key in it.
  handleRequests<PanelRequests>(
    {
      'models.panelState': ({ conversationId }, sender) => deps.models.panelState(conversationId, accountOf(sender.url)),
      'models.select': ({ conversationId, integrationId, modelId }, sender) =>
        deps.models.select(conversationId, accountOf(sender.url), { integrationId, modelId }),
    },
    (sender) => trustSender(sender),
  );

  const view = async (): Promise<IntegrationsView> => {
    const state = await loadIntegrations();
    const budgets = Object.fromEntries(await Promise.all(state.integrations.map(async (i) => [i.id, await deps.models.budgetOf(i)] as const)));
    return { integrations: state.integrations.map(toPublicIntegration), defaultSelection: state.defaultSelection, budgets };
  };
  const changed = <T>(value: T): T => {
    deps.onChange?.();
    return value;
  };

  // Only our own extension pages (the popup) may see, change or test integrations.
  handleRequests<PopupRequests>(
    {
      'models.listIntegrations': () => view(),
      'models.saveIntegration': async (input) => {
        const saved = await saveIntegration(input);
        return changed({ ...(await view()), savedId: saved.id });
      },
      'models.deleteIntegration': async ({ id }) => {
        await deleteIntegration(id);
        return changed(await view());
      },
      'models.setDefault': async (selection) => {
        await setDefaultSelection(selection);
        return view();
      },
      'models.testConnection': async ({ draft, modelId }) => {
        const target = await targetOf(draft, modelId);
        const result = await testConnection(target, {
          hasHostPermission,
          createModel: (t) => createLanguageModel(t, t.modelId),
          extensionOrigin: extensionOrigin(),
        });
        // The tiny request is a real call: a saved integration's ledger counts it.
        if (result.usage && draft.id) {
          await deps.ledger.record({
            integrationId: draft.id,
            integrationName: draft.name,
            provider: draft.provider,
            model: modelId,
            kind: 'test',
            usage: result.usage,
            price: modelInfoOf({ provider: draft.provider, models: draft.models }, modelId).price,
          });
        }
        return result;
      },
      'models.fetchModels': async ({ draft }) => {
        const target = await targetOf(draft, draft.defaultModel);
        const baseURL = effectiveBaseURL(target.provider, target.baseURL);
        const pattern = originPattern(baseURL);
        if (!(await hasHostPermission(pattern))) {
          return {
            models: null,
            problem: { code: 'host-permission', message: `The extension is not allowed to reach ${new URL(baseURL).origin} yet.`, grantOrigin: pattern },
          };
        }
        try {
          return { models: await listProviderModels(target) };
        } catch (error) {
          return { models: null, problem: describeProviderFailure(error, { baseURL, extensionOrigin: extensionOrigin(), secrets: [target.apiKey] }) };
        }
      },
      'models.usage': () => deps.ledger.summary(),
      'models.listSpaces': async ({ account }) => {
        const access = await fetchAccessibleSpaces(deps.spaceliftClient(normalizeOrigin(account)));
        return access.known ? { spaces: access.spaces, admin: isAccountAdmin(access) } : { problem: access.reason };
      },
      'models.setOrganization': async ({ id, account }) => {
        if (account === null) {
          await setOrganizationMark(id, null);
          return changed(await view());
        }
        const origin = normalizeOrigin(account);
        const client = deps.spaceliftClient(origin);
        const access = await fetchAccessibleSpaces(client);
        if (!access.known) throw new Error(`Could not check your role on ${origin}: ${access.reason}`);
        if (!isAccountAdmin(access)) {
          throw new Error(`Only a Spacelift admin of ${origin} (ADMIN on its root space) can provide an integration for the organization.`);
        }
        const viewer = await client
          .request<{ viewer: { id: string; name?: string | null } | null }>('query InfraAssistantViewer { viewer { id name } }', undefined, 'InfraAssistantViewer')
          .then((r) => r.data?.viewer)
          .catch(() => null);
        await setOrganizationMark(id, { account: origin, markedBy: viewer?.name || viewer?.id || 'a Spacelift admin', markedAt: Date.now() });
        return changed(await view());
      },
    },
    (sender) => isExtensionPage(sender),
  );
}

/** What to test: the form's values, with the stored key when the form leaves it empty. */
async function targetOf(draft: IntegrationInput, modelId: string): Promise<ConnectionTarget> {
  const provider = integrationSchema.shape.provider.parse(draft.provider);
  const baseURL = draft.baseURL.trim();
  if (baseURL && !/^https?:\/\/[^/]+/i.test(baseURL)) throw new Error('The base URL must start with http:// or https://');
  let apiKey = draft.apiKey?.trim() ?? '';
  if (!apiKey && draft.id) apiKey = (await loadIntegrations()).integrations.find((i) => i.id === draft.id)?.apiKey ?? '';
  return { provider, baseURL, apiKey, modelId: modelId.trim() };
}
