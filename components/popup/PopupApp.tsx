import { useModelSettingsForm } from '../hooks/useModelSettingsForm';
import { SpaceliftAccounts } from './SpaceliftAccounts';
import { SelfHostedHosts } from './SelfHostedHosts';

export function PopupApp() {
  const { saved, form, update, save, status } = useModelSettingsForm();
  return (
    <main className="popup">
      <h1>Infra Assistant</h1>
      <form
        aria-label="Model settings"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2>Model</h2>
        <label>
          Provider
          <select name="provider" value={form.provider} onChange={(e) => update({ provider: e.target.value as typeof form.provider })}>
            <option value="openai">OpenAI</option>
            <option value="openai-compatible">OpenAI-compatible (Ollama, LM Studio, LiteLLM, vLLM…)</option>
          </select>
        </label>
        <label>
          Base URL
          <input
            name="baseURL"
            type="url"
            placeholder={form.provider === 'openai' ? 'https://api.openai.com/v1 (default)' : 'http://localhost:11434/v1'}
            value={form.baseURL}
            onChange={(e) => update({ baseURL: e.target.value })}
          />
        </label>
        <label>
          API key
          <input
            name="apiKey"
            type="password"
            autoComplete="off"
            placeholder={saved?.hasApiKey ? `Saved: ${saved.maskedKey} (leave empty to keep)` : 'Not set'}
            value={form.apiKey}
            onChange={(e) => update({ apiKey: e.target.value })}
          />
        </label>
        <label>
          Model
          <input name="model" placeholder="gpt-4.1-mini" value={form.model} onChange={(e) => update({ model: e.target.value })} />
        </label>
        <button type="submit" disabled={status.kind === 'saving'}>Save</button>
        {status.message && (
          <p role="status" className={`status ${status.kind}`} data-testid="settings-status">
            {status.message}
          </p>
        )}
        <p className="hint">Keys stay in this browser's local extension storage and are used only by the extension's background.</p>
      </form>
      <SpaceliftAccounts />
      <SelfHostedHosts />
    </main>
  );
}
