import { useEffect, useState } from 'react';
import { requestBackground } from '../../lib/messaging/requests';
import type { ModelProvider, PublicModelSettings } from '../../lib/settings/model-settings';

export interface ModelForm {
  provider: ModelProvider;
  baseURL: string;
  apiKey: string;
  model: string;
}

/** Load and save the model settings through the background; the stored key never comes back, only its mask. */
export function useModelSettingsForm() {
  const [saved, setSaved] = useState<PublicModelSettings>();
  const [form, setForm] = useState<ModelForm>({ provider: 'openai-compatible', baseURL: '', apiKey: '', model: '' });
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' | 'error'; message?: string }>({ kind: 'idle' });

  useEffect(() => {
    requestBackground('settings.getModel', undefined).then((s) => {
      setSaved(s);
      if (s.configured || s.model) setForm({ provider: s.provider, baseURL: s.baseURL, apiKey: '', model: s.model });
    });
  }, []);

  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      const next = await requestBackground('settings.saveModel', form);
      setSaved(next);
      setForm((f) => ({ ...f, apiKey: '' }));
      setStatus({ kind: 'saved', message: 'Saved' });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return { saved, form, update: (patch: Partial<ModelForm>) => setForm((f) => ({ ...f, ...patch })), save, status };
}
