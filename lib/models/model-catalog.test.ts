import { describe, expect, it } from 'vitest';
import { lookupModel, resolveModelInfo } from './model-catalog';

describe('the model table', () => {
  it('finds a model by its id, its dated ids, and the longest family stem', () => {
    expect(lookupModel('openai', 'gpt-4.1-mini')?.price).toEqual({ inputPerM: 0.4, outputPerM: 1.6, cachedInputPerM: 0.1 });
    expect(lookupModel('openai', 'gpt-4.1-mini-2025-04-14')?.id).toBe('gpt-4.1-mini');
    expect(lookupModel('openai', 'gpt-4o')?.id).toBe('gpt-4o');
    expect(lookupModel('openai', 'o3-mini')?.id).toBe('o3-mini');
    expect(lookupModel('anthropic', 'claude-sonnet-4-5-20250929')?.id).toBe('claude-sonnet-4-5');
    expect(lookupModel('anthropic', 'claude-opus-4-20250514')?.id).toBe('claude-opus-4');
    expect(lookupModel('google', 'gemini-2.5-flash-lite')?.id).toBe('gemini-2.5-flash-lite');
    // "gpt-5.4" is not "gpt-5" with a suffix: the stem must end at a separator.
    expect(lookupModel('openai', 'gpt-5.4')?.id).toBe('gpt-5.4');
    expect(lookupModel('openai', 'gpt-50')).toBeUndefined();
  });

  it('reads gateway names (OpenRouter, LiteLLM) and local servers\' names', () => {
    expect(lookupModel('openai-compatible', 'openai/gpt-4.1-mini')?.id).toBe('gpt-4.1-mini');
    expect(lookupModel('openai-compatible', 'anthropic/claude-sonnet-4.5')?.id).toBe('claude-sonnet-4-5');
    expect(lookupModel('openai-compatible', 'llama3.1:8b')).toMatchObject({ id: 'llama3.1', toolCalling: true });
    expect(lookupModel('openai-compatible', 'llama3.1:8b')?.price).toBeUndefined();
    expect(lookupModel('openai-compatible', 'gemma3:4b')).toMatchObject({ toolCalling: false });
    // Another provider's table is not consulted for a first-party endpoint.
    expect(lookupModel('openai', 'claude-sonnet-4-5')).toBeUndefined();
  });

  it('lets the user\'s figures win over the table, and says where figures come from', () => {
    expect(resolveModelInfo('openai', 'gpt-4.1')).toMatchObject({ source: 'table', toolCalling: true, contextTokens: 1_047_576 });
    const custom = resolveModelInfo('openai', 'gpt-4.1', { price: { inputPerM: 1, outputPerM: 4 }, toolCalling: false });
    expect(custom).toMatchObject({ source: 'custom', toolCalling: false, price: { inputPerM: 1, outputPerM: 4 }, contextTokens: 1_047_576 });
    expect(resolveModelInfo('openai-compatible', 'my-finetune')).toEqual({ id: 'my-finetune', toolCalling: true, source: 'unknown' });
    expect(resolveModelInfo('openai-compatible', 'my-finetune', { toolCalling: false })).toMatchObject({ toolCalling: false, source: 'custom' });
  });
});
