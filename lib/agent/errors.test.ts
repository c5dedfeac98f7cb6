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
    [400, '{"error":{"code":"model_not_found"}}', 'model-not-found', 'switch-model'],
    // OpenAI, Anthropic, Google, Ollama and LiteLLM saying they do not know the model.
    [404, '{"error":{"message":"The model `gpt-9` does not exist or you do not have access to it.","type":"invalid_request_error","code":"model_not_found"}}', 'model-not-found', 'switch-model'],
    [404, '{"type":"error","error":{"type":"not_found_error","message":"model: claude-9"}}', 'model-not-found', 'switch-model'],
    [404, '{"error":{"code":404,"message":"models/gemini-9 is not found for API version v1beta, or is not supported for generateContent.","status":"NOT_FOUND"}}', 'model-not-found', 'switch-model'],
    [404, '{"error":"model \\"llama9\\" not found, try pulling it first"}', 'model-not-found', 'switch-model'],
    [400, '{"error":{"message":"litellm.BadRequestError: Invalid model name passed in model=gpt-9"}}', 'model-not-found', 'switch-model'],
    // A 404 that names no model: the base URL is wrong.
    [404, '404 page not found', 'endpoint-not-found', 'open-settings'],
    [404, '<html><body><h1>Not Found</h1></body></html>', 'endpoint-not-found', 'open-settings'],
    [429, '', 'rate-limit', 'retry'],
    [429, '{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota"}}', 'quota', 'switch-model'],
    [400, '{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}}', 'quota', 'switch-model'],
    [529, '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}', 'overloaded', 'retry'],
    // Context too long, as OpenAI, Anthropic, Google and vLLM say it.
    [400, '{"error":{"code":"context_length_exceeded"}}', 'context-too-long', 'switch-model'],
    [400, '{"type":"error","error":{"type":"invalid_request_error","message":"prompt is too long: 212345 tokens > 200000 maximum"}}', 'context-too-long', 'switch-model'],
    [400, '{"error":{"code":400,"message":"The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).","status":"INVALID_ARGUMENT"}}', 'context-too-long', 'switch-model'],
    [400, '{"object":"error","message":"This model\'s maximum context length is 8192 tokens. However, you requested 9000 tokens."}', 'context-too-long', 'switch-model'],
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
