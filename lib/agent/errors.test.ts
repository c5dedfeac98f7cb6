import { describe, expect, it } from 'vitest';
import { APICallError } from 'ai';
import { classifyError, redactSecrets } from './errors';

const apiError = (statusCode: number | undefined, responseBody = '', message = 'failed') =>
  new APICallError({ message, url: 'https://api.example/v1/chat/completions', requestBodyValues: {}, statusCode, responseBody });

describe('error mapping', () => {
  it.each([
    [401, '', 'auth', 'open-settings'],
    [403, '{"error":{"message":"Forbidden: key lacks scope"}}', 'auth', 'open-settings'],
    [403, '', 'cors-refused', 'open-settings'],
    [400, '{"error":{"message":"registry.ollama.ai/library/gemma3 does not support tools"}}', 'no-tools', 'switch-model'],
    [404, '', 'model-not-found', 'switch-model'],
    [400, '{"error":{"code":"model_not_found"}}', 'model-not-found', 'switch-model'],
    [429, '', 'rate-limit', 'retry'],
    [400, '{"error":{"code":"context_length_exceeded"}}', 'context-too-long', 'switch-model'],
    [500, '', 'provider', 'retry'],
  ])('HTTP %s %s → %s', (status, body, code, action) => {
    const info = classifyError(apiError(status, body));
    expect(info.code).toBe(code);
    expect(info.action).toBe(action);
  });

  it('recognises network failures and unwraps retry errors', () => {
    expect(classifyError(new TypeError('Failed to fetch')).code).toBe('network');
    expect(classifyError({ lastError: apiError(429) }).code).toBe('rate-limit');
  });

  it('never lets a key or token into the message', () => {
    const key = 'sk-live-abcdefghijklmnop';
    const info = classifyError(apiError(401, '', `Incorrect API key provided: ${key}`), [key]);
    expect(info.message).not.toContain(key);
    expect(redactSecrets('Authorization: Bearer abc.def.ghijklmnop')).toBe('Authorization: Bearer [redacted]');
    expect(redactSecrets('token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.sig here')).toBe('token [redacted-jwt] here');
    expect(redactSecrets('my own secret-value-1 leaked', ['secret-value-1'])).toBe('my own [redacted] leaked');
  });
});
