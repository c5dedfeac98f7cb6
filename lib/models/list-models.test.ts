import { describe, expect, it } from 'vitest';
import { listProviderModels, modelIdsOf } from './list-models';

describe('models endpoints', () => {
  it('reads OpenAI-style, Anthropic and Google model lists', () => {
    expect(modelIdsOf('openai', { object: 'list', data: [{ id: 'gpt-4.1' }, { id: 'gpt-4.1-mini' }, { id: 'gpt-4.1' }] })).toEqual(['gpt-4.1', 'gpt-4.1-mini']);
    expect(modelIdsOf('anthropic', { data: [{ id: 'claude-sonnet-4-5-20250929', type: 'model' }], has_more: false })).toEqual(['claude-sonnet-4-5-20250929']);
    expect(
      modelIdsOf('google', {
        models: [
          { name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent', 'countTokens'] },
          { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
        ],
      }),
    ).toEqual(['gemini-2.5-flash']);
  });

  it('calls each provider\'s endpoint with its own auth header, never the key in the URL', async () => {
    const seen: { url: string; headers: Record<string, string> }[] = [];
    const fake: typeof fetch = async (url, init) => {
      seen.push({ url: String(url), headers: init?.headers as Record<string, string> });
      return new Response(JSON.stringify({ data: [], models: [] }), { status: 200 });
    };
    await listProviderModels({ provider: 'anthropic', baseURL: '', apiKey: 'sk-ant-1' }, { fetch: fake });
    await listProviderModels({ provider: 'google', baseURL: '', apiKey: 'AIza-1' }, { fetch: fake });
    await listProviderModels({ provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1/', apiKey: '' }, { fetch: fake });
    expect(seen[0]).toMatchObject({ url: 'https://api.anthropic.com/v1/models?limit=1000', headers: { 'x-api-key': 'sk-ant-1', 'anthropic-version': '2023-06-01' } });
    expect(seen[1]).toMatchObject({ url: 'https://generativelanguage.googleapis.com/v1beta/models?pageSize=1000', headers: { 'x-goog-api-key': 'AIza-1' } });
    expect(seen[2]).toEqual({ url: 'http://localhost:11434/v1/models', headers: {} });
    expect(seen.every((s) => !s.url.includes('sk-ant') && !s.url.includes('AIza'))).toBe(true);
  });
});
