import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../tests/sandbox/server';
import { SANDBOX_BAD_KEY, SANDBOX_MODEL_ID, SANDBOX_MODEL_IDS, SANDBOX_OLLAMA_PREFIX } from '../../tests/sandbox/model/scripted-model';
import { createLanguageModel } from './create-language-model';
import { testConnection, type ConnectionTarget } from './connection-test';

/** Node's fetch sends no Origin: add the one the extension's worker sends, as Chromium does. */
const fromExtension: typeof fetch = (input, init) =>
  fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), origin: 'chrome-extension://abcdef' } });

describe('Test connection, against the sandbox\'s model server', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const deps = (granted = true) => ({
    hasHostPermission: async () => granted,
    createModel: (t: ConnectionTarget) => createLanguageModel(t, t.modelId),
    extensionOrigin: 'chrome-extension://abcdef',
    timeoutMs: 10_000,
  });
  const target = (patch: Partial<ConnectionTarget> = {}): ConnectionTarget => ({
    provider: 'openai-compatible',
    baseURL: `${sandbox.apiUrl}/v1`,
    apiKey: 'sandbox-key',
    modelId: SANDBOX_MODEL_ID,
    ...patch,
  });

  it('lists the models and gets an answer with its usage', async () => {
    const result = await testConnection(target(), deps());
    expect(result.ok).toBe(true);
    expect(result.models).toEqual([...SANDBOX_MODEL_IDS].sort());
    expect(result.usage?.inputTokens).toBeGreaterThan(0);
    expect(sandbox.model.requests.at(-1)?.model).toBe(SANDBOX_MODEL_ID);
  });

  it('says the key is wrong, without echoing it', async () => {
    const result = await testConnection(target({ apiKey: SANDBOX_BAD_KEY }), deps());
    expect(result).toMatchObject({ ok: false, problem: { code: 'bad-key' } });
  });

  it('says the model is unknown and what the endpoint offers', async () => {
    const result = await testConnection(target({ modelId: 'gpt-9000' }), deps());
    expect(result.problem?.code).toBe('unknown-model');
    expect(result.problem?.hint).toContain(SANDBOX_MODEL_ID);
  });

  it('says nothing answers at an address with no server', async () => {
    const result = await testConnection(target({ baseURL: 'http://127.0.0.1:9/v1' }), deps());
    expect(result.problem?.code).toBe('unreachable');
  });

  it('asks for the host permission before sending anything', async () => {
    const before = sandbox.model.requests.length;
    const result = await testConnection(target(), deps(false));
    expect(result.problem).toMatchObject({ code: 'host-permission', grantOrigin: `${sandbox.apiUrl}/*` });
    expect(sandbox.model.requests.length).toBe(before);
  });

  it('recognises Ollama refusing the extension\'s origin and gives the OLLAMA_ORIGINS fix', async () => {
    const result = await testConnection(target({ baseURL: `${sandbox.apiUrl}${SANDBOX_OLLAMA_PREFIX}/v1` }), { ...deps(), fetch: fromExtension });
    expect(result.problem?.code).toBe('cors-refused');
    expect(result.problem?.hint).toContain('OLLAMA_ORIGINS=chrome-extension://abcdef');
  });
});
