import { useCallback, useEffect, useState } from 'react';
import { requestBackground } from '../../lib/messaging/requests';
import type { IntegrationsView } from '../../lib/messaging/protocol';
import type { IntegrationInput, ModelSelection } from '../../lib/settings/model-integrations';
import type { IntegrationUsage } from '../../lib/budget/usage-ledger';

/** The popup's integrations (never their keys) and their usage over the window, through the background. */
export function useIntegrations() {
  const [view, setView] = useState<IntegrationsView>();
  const [usage, setUsage] = useState<IntegrationUsage[]>([]);
  const [error, setError] = useState<string>();

  const reload = useCallback(async () => {
    try {
      const [next, summary] = await Promise.all([requestBackground('models.listIntegrations', undefined), requestBackground('models.usage', undefined)]);
      setView(next);
      setUsage(summary);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const run = async (task: () => Promise<IntegrationsView>) => {
    setError(undefined);
    try {
      setView(await task());
      setUsage(await requestBackground('models.usage', undefined));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return {
    view,
    usage,
    error,
    reload,
    /** Returns the saved integration's id; throws with the reason when the input cannot work. */
    save: async (input: IntegrationInput): Promise<string> => {
      const saved = await requestBackground('models.saveIntegration', input);
      setView(saved);
      return saved.savedId;
    },
    remove: (id: string) => run(() => requestBackground('models.deleteIntegration', { id })),
    setDefault: (selection: ModelSelection) => run(() => requestBackground('models.setDefault', selection)),
    setOrganization: (id: string, account: string | null) => run(() => requestBackground('models.setOrganization', { id, account })),
  };
}
