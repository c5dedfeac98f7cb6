import { describe, expect, it } from 'vitest';
import { APICallError } from 'ai';
import { describeProviderFailure } from './connection-errors';
import { EndpointError } from './list-models';

const apiError = (statusCode: number | undefined, responseBody = '', message = 'failed') =>
  new APICallError({ message, url: 'http://x/v1/chat/completions', requestBodyValues: {}, statusCode, responseBody });
const context = { baseURL: 'http://localhost:11434/v1', modelId: 'llama3.1', extensionOrigin: 'chrome-extension://abcdef' };

describe('provider failures, in words the user can act on', () => {
  it.each([
    [apiError(401, '{"error":{"message":"Incorrect API key provided"}}'), 'bad-key'],
    [new EndpointError('HTTP 401', 401, '{"error":{"type":"authentication_error","message":"invalid x-api-key"}}', 'u'), 'bad-key'],
    [apiError(403, '{"error":{"message":"API key not valid. Please pass a valid API key."}}'), 'bad-key'],
    [apiError(403, ''), 'cors-refused'],
    [apiError(404, '{"error":{"message":"The model \'gpt-9\' does not exist","code":"model_not_found"}}'), 'unknown-model'],
    [apiError(400, '{"error":{"type":"not_found_error","message":"model: claude-9"}}'), 'provider'],
    [apiError(404, '{"error":{"type":"not_found_error","message":"model: claude-9 not found"}}'), 'unknown-model'],
    [new EndpointError('HTTP 404', 404, '404 page not found', 'u'), 'wrong-url'],
    [apiError(400, '{"error":{"message":"registry.ollama.ai/library/gemma3 does not support tools"}}'), 'no-tools'],
    [apiError(429, '{"error":{"message":"Rate limit reached"}}'), 'rate-limit'],
    [apiError(500, '{"error":{"message":"boom"}}'), 'provider'],
    [new TypeError('Failed to fetch'), 'unreachable'],
    [new EndpointError('Failed to fetch', undefined, '', 'u'), 'unreachable'],
    [{ lastError: apiError(401) }, 'bad-key'],
  ])('%s → %s', (error, code) => {
    expect(describeProviderFailure(error, context).code).toBe(code);
  });

  it('tells Ollama users how to allow the extension (OLLAMA_ORIGINS with its origin)', () => {
    const problem = describeProviderFailure(apiError(403, ''), context);
    expect(problem.hint).toContain('OLLAMA_ORIGINS=chrome-extension://abcdef');
  });

  it('suggests models the endpoint lists when the model is unknown', () => {
    const problem = describeProviderFailure(apiError(404, '{"error":{"code":"model_not_found"}}'), { ...context, knownModels: ['llama3.2', 'qwen3'] });
    expect(problem.message).toContain('"llama3.1"');
    expect(problem.hint).toContain('llama3.2, qwen3');
  });

  it('points a local endpoint nobody answers at the server, and never echoes a key', () => {
    expect(describeProviderFailure(new TypeError('Failed to fetch'), context).hint).toMatch(/ollama serve/);
    const key = 'sk-live-abcdefghijklmnop';
    const problem = describeProviderFailure(apiError(401, `{"error":{"message":"Incorrect API key provided: ${key}"}}`), { ...context, secrets: [key] });
    expect(JSON.stringify(problem)).not.toContain(key);
    expect(problem.hint).toContain('[redacted]');
  });
});
