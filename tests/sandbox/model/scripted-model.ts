import type { IncomingMessage, ServerResponse } from 'node:http';
import { demoTurn } from './demo-turns';
import { messageText, type ChatCompletionRequest, type ScriptedTurn } from './script';

export const SANDBOX_MODEL_ID = 'sandbox-scripted';
/** Answers like the first one; lets a test see that the chosen model is the one called. */
export const SANDBOX_MINI_MODEL_ID = 'sandbox-scripted-mini';
/** A model without tool calling: like Ollama's, it refuses a request that carries tools. */
export const SANDBOX_NO_TOOLS_MODEL_ID = 'sandbox-no-tools';
export const SANDBOX_MODEL_IDS = [SANDBOX_MODEL_ID, SANDBOX_MINI_MODEL_ID, SANDBOX_NO_TOOLS_MODEL_ID] as const;
/** Any request with this key is refused, as a provider refuses a wrong or revoked key. */
export const SANDBOX_BAD_KEY = 'sandbox-bad-key';
/**
 * Where the sandbox plays a default Ollama: the same model under /ollama/v1,
 * refusing requests from browser extensions (an Origin of chrome-extension://
 * or moz-extension://) with a bare 403, as Ollama does until OLLAMA_ORIGINS allows them.
 */
export const SANDBOX_OLLAMA_PREFIX = '/ollama';

/**
 * A scripted OpenAI-compatible chat model: `/v1/chat/completions` (SSE with
 * tool calls and a usage chunk, cached tokens included) and `/v1/models`.
 * Tests queue turns through `/__model/turns` (or `queue()` in-process) and
 * read what it received. A wrong key gets 401 and an unknown model 404, as
 * from real providers.
 */
/**
 * How the extension's title requests start (lib/history/title.ts TITLE_INSTRUCTIONS; a test keeps the
 * two in step). They are answered from their own queue and counted apart, so a test's scripted answers
 * and its count of chat requests are not disturbed by the title asked after a first answer.
 */
export const TITLE_REQUEST_MARKER = 'Name this conversation.';

export class ScriptedModel {
  private turns: ScriptedTurn[] = [];
  private titleTurns: ScriptedTurn[] = [];
  readonly requests: ChatCompletionRequest[] = [];
  readonly titleRequests: ChatCompletionRequest[] = [];
  /** Requests whose response was cut by the client (e.g. a stopped worker). */
  aborted = 0;
  /** When the first text of each streamed answer was written (epoch ms, sub-ms precision), for benchmarks. */
  readonly firstTextWrittenAt: number[] = [];

  queue(...turns: ScriptedTurn[]): void {
    this.turns.push(...turns);
  }

  /** Answers to the next title requests (by default a title is made from the question's words). */
  queueTitle(...turns: ScriptedTurn[]): void {
    this.titleTurns.push(...turns);
  }

  reset(): void {
    this.turns = [];
    this.titleTurns = [];
    this.requests.length = 0;
    this.titleRequests.length = 0;
    this.aborted = 0;
    this.firstTextWrittenAt.length = 0;
  }

  /** Handle `/v1/*` and `/__model/*`; returns false for other paths. */
  handle = (req: IncomingMessage, res: ServerResponse, body: string): boolean => {
    let path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith(`${SANDBOX_OLLAMA_PREFIX}/v1/`)) {
      if (/^(chrome|moz)-extension:\/\//.test(req.headers.origin ?? '')) {
        res.writeHead(403);
        res.end();
        return true;
      }
      path = path.slice(SANDBOX_OLLAMA_PREFIX.length);
    }
    if (path === '/v1/models' && req.method === 'GET') {
      if (req.headers.authorization === `Bearer ${SANDBOX_BAD_KEY}`) {
        json(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
        return true;
      }
      json(res, 200, { object: 'list', data: SANDBOX_MODEL_IDS.map((id) => ({ id, object: 'model', owned_by: 'sandbox' })) });
      return true;
    }
    if (path === '/v1/chat/completions' && req.method === 'POST') {
      void this.complete(req, res, body);
      return true;
    }
    if (path === '/__model/turns' && req.method === 'POST') {
      this.queue(...(JSON.parse(body) as ScriptedTurn[]));
      json(res, 200, { queued: this.turns.length });
      return true;
    }
    if (path === '/__model/reset' && req.method === 'POST') {
      this.reset();
      json(res, 200, { ok: true });
      return true;
    }
    if (path === '/__model/requests' && req.method === 'GET') {
      json(res, 200, { requests: this.requests, aborted: this.aborted, queued: this.turns.length });
      return true;
    }
    return false;
  };

  private async complete(req: IncomingMessage, res: ServerResponse, body: string): Promise<void> {
    let request: ChatCompletionRequest;
    try {
      request = JSON.parse(body) as ChatCompletionRequest;
    } catch {
      json(res, 400, { error: { message: 'Invalid JSON body', type: 'invalid_request_error' } });
      return;
    }
    if (req.headers.authorization === `Bearer ${SANDBOX_BAD_KEY}`) {
      json(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
      return;
    }
    if (!(SANDBOX_MODEL_IDS as readonly string[]).includes(request.model)) {
      json(res, 404, { error: { message: `The model '${request.model}' does not exist`, type: 'invalid_request_error', code: 'model_not_found' } });
      return;
    }
    if (request.model === SANDBOX_NO_TOOLS_MODEL_ID && request.tools?.length) {
      json(res, 400, { error: { message: `registry.sandbox/${request.model} does not support tools`, type: 'api_error' } });
      return;
    }
    const titling = messageText(request.messages.find((m) => m.role === 'system')).startsWith(TITLE_REQUEST_MARKER);
    (titling ? this.titleRequests : this.requests).push(request);
    let turn = titling ? (this.titleTurns.shift() ?? { text: demoTitle(request) }) : (this.turns.shift() ?? demoTurn(request));
    // Like real providers: no tool calls when the request forbids them.
    if ('toolCalls' in turn && (request.tool_choice === 'none' || !request.tools?.length)) {
      turn = { text: turn.text || '(The sandbox model was asked to answer without tools.)', chunkDelayMs: turn.chunkDelayMs };
    }
    if ('error' in turn) {
      json(res, turn.error.status, { error: { message: turn.error.message, type: turn.error.type ?? 'api_error', code: turn.error.code } });
      return;
    }
    let closed = false;
    res.on('close', () => {
      if (!res.writableEnded) {
        closed = true;
        this.aborted++;
      }
    });
    await sleep(turn.firstByteDelayMs ?? 0);
    if (closed) return;
    if (!request.stream) {
      json(res, 200, completion(request, turn));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'access-control-allow-origin': '*' });
    const id = `chatcmpl-${Date.now().toString(36)}`;
    const send = (delta: object, finish: string | null = null) =>
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: request.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`);

    send({ role: 'assistant', content: '' });
    const text = turn.text ?? '';
    const size = 'chunkSize' in turn && turn.chunkSize ? turn.chunkSize : 8;
    for (let i = 0; i < text.length && !closed; i += size) {
      send({ content: text.slice(i, i + size) });
      if (i === 0) this.firstTextWrittenAt.push(performance.timeOrigin + performance.now());
      await sleep(turn.chunkDelayMs ?? 0);
    }
    if ('toolCalls' in turn) {
      turn.toolCalls.forEach((call, index) => {
        const args = JSON.stringify(call.arguments);
        send({ tool_calls: [{ index, id: `call_${index}_${id}`, type: 'function', function: { name: call.name, arguments: '' } }] });
        send({ tool_calls: [{ index, function: { arguments: args } }] });
      });
    }
    if (closed) return;
    send({}, 'toolCalls' in turn ? 'tool_calls' : 'stop');
    if (request.stream_options?.include_usage) {
      const usage = usageOf(request, text);
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: request.model, choices: [], usage })}\n\n`);
    }
    res.end('data: [DONE]\n\n');
  }
}

const TITLE_STOP_WORDS = new Set(
  'a an and are can could did do does for how i in is it me my of on or please show tell that the this to was what when where which who why with you your'.split(' '),
);

/** The sandbox's title: the question's first few meaningful words ("Which stacks failed?" → "Stacks failed"). */
export function demoTitle(request: ChatCompletionRequest): string {
  const prompt = messageText([...request.messages].reverse().find((m) => m.role === 'user'));
  const question = /<question>([\s\S]*?)<\/question>/.exec(prompt)?.[1] ?? prompt;
  const words = (question.match(/[\p{L}\p{N}][\p{L}\p{N}_-]*/gu) ?? []).filter((w) => !TITLE_STOP_WORDS.has(w.toLowerCase())).slice(0, 5);
  const title = words.join(' ') || 'Sandbox conversation';
  return title[0]!.toUpperCase() + title.slice(1);
}

function completion(request: ChatCompletionRequest, turn: Exclude<ScriptedTurn, { error: unknown }>) {
  const toolCalls = 'toolCalls' in turn ? turn.toolCalls : [];
  return {
    id: `chatcmpl-${Date.now().toString(36)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices: [
      {
        index: 0,
        finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
        message: {
          role: 'assistant',
          content: turn.text ?? null,
          tool_calls: toolCalls.length
            ? toolCalls.map((c, i) => ({ id: `call_${i}`, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } }))
            : undefined,
        },
      },
    ],
    usage: usageOf(request, turn.text ?? ''),
  };
}

/**
 * Rough token counts (4 characters a token): enough for budget meters to move.
 * Like OpenAI's prompt cache, the part of the prompt before the last message
 * is reported as cached once it is long enough (1,024 tokens).
 */
function usageOf(request: ChatCompletionRequest, output: string) {
  const prompt_tokens = Math.ceil(JSON.stringify(request.messages).length / 4);
  const completion_tokens = Math.max(1, Math.ceil(output.length / 4));
  const prefix = Math.ceil(JSON.stringify(request.messages.slice(0, -1)).length / 4);
  const cached_tokens = prefix >= 1024 ? Math.floor(prefix / 128) * 128 : 0;
  return { prompt_tokens, completion_tokens, total_tokens: prompt_tokens + completion_tokens, prompt_tokens_details: { cached_tokens } };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
  res.end(JSON.stringify(value));
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
