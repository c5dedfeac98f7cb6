import { useCallback, useEffect, useRef, useState } from 'react';
import { requestBackground } from '../../lib/messaging/requests';
import type { PanelIntegration, PanelModelState } from '../../lib/models/model-choice';
import type { ModelInfo } from '../../lib/models/model-catalog';

export interface PanelModels {
  state: PanelModelState | undefined;
  integration: PanelIntegration | undefined;
  model: ModelInfo | undefined;
  /** Other integrations one click can switch to (budget left). */
  alternatives: PanelIntegration[];
  error: string | undefined;
  select: (integrationId: string, modelId: string) => Promise<void>;
  refresh: () => void;
}

/**
 * The panel's model choice: the integrations usable on this Spacelift
 * account, the one this conversation uses, and their budgets. Asked again
 * when the panel opens, the conversation changes, and an answer ends (so the
 * budget meter moves).
 */
export function useModelSelection(conversationId: string, refreshToken: number, busy: boolean): PanelModels {
  const [state, setState] = useState<PanelModelState>();
  const [error, setError] = useState<string>();
  const [tick, setTick] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    requestBackground('models.panelState', { conversationId })
      .then((next) => {
        if (request !== latest.current) return;
        setState(next);
        setError(undefined);
      })
      .catch((e: unknown) => request === latest.current && setError(e instanceof Error ? e.message : String(e)));
  }, [conversationId, refreshToken, tick]);

  // An answer just ended: its usage is in the ledger now.
  const wasBusy = useRef(busy);
  useEffect(() => {
    if (wasBusy.current && !busy) setTick((t) => t + 1);
    wasBusy.current = busy;
  }, [busy]);

  const select = useCallback(
    async (integrationId: string, modelId: string) => {
      const request = ++latest.current;
      try {
        const next = await requestBackground('models.select', { conversationId, integrationId, modelId });
        if (request === latest.current) setState(next);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    [conversationId],
  );

  const integration = state?.integrations.find((i) => i.id === state.selection?.integrationId);
  const model = integration?.models.find((m) => m.id === state?.selection?.modelId);
  const alternatives = (state?.integrations ?? []).filter((i) => i.id !== integration?.id && !i.budget.exhausted);
  return { state, integration, model, alternatives, error, select, refresh: () => setTick((t) => t + 1) };
}
