import { isToolUIPart, safeValidateUIMessages, type UIMessage } from 'ai';
import { z } from 'zod';
import type { ConversationRecord, MessageRecord } from '../db/database';
import type { ImportCounts, ImportedConversation } from '../db/conversation-store';
import { redactSecrets } from '../agent/errors';
import { MAX_IMPORT_BYTES } from './limits';

/*
 * History files: export one conversation (Markdown to read, JSON to import),
 * export all history (JSON), import a JSON file. The JSON file is the same for
 * one conversation and for all, so either can be imported.
 *
 * Never keys or tokens: a file holds conversations only (no settings, no
 * credentials), and every string in it goes through redactSecrets with the
 * secrets the extension holds (model API key, Spacelift API key secrets and
 * tokens) plus the shapes of common keys and JWTs, in case one was pasted into
 * a question or came back in a tool result.
 */

export type ExportFormat = 'markdown' | 'json';

export const HISTORY_FILE_FORMAT = 'infra-assistant.history';
export const HISTORY_FILE_VERSION = 1;
export { MAX_IMPORT_BYTES };

export interface ImportResult extends ImportCounts {
  /** How many conversations the file held. */
  total: number;
}

/** One conversation as a history file holds it. */
export interface HistoryFileConversation {
  id: string;
  title: string;
  titleSource?: ConversationRecord['titleSource'];
  createdAt: number;
  updatedAt: number;
  account: string;
  mode: ConversationRecord['mode'];
  model: string;
  messages: { createdAt: number; status: MessageRecord['status']; message: UIMessage }[];
}

// ---------------------------------------------------------------------------
// Export

/** Deep copy of `value` with every string passed through redactSecrets. */
export function scrubSecrets<T>(value: T, secrets: readonly string[]): T {
  const known = secrets.filter((s) => s.length >= 6);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactSecrets(v, known);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, inner] of Object.entries(v)) out[key] = walk(inner);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

export function toFileConversation(conversation: ConversationRecord, records: readonly MessageRecord[], secrets: readonly string[]): HistoryFileConversation {
  return scrubSecrets(
    {
      id: conversation.id,
      title: conversation.title,
      ...(conversation.titleSource ? { titleSource: conversation.titleSource } : {}),
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
      account: conversation.account,
      mode: conversation.mode,
      model: conversation.model,
      messages: records.map((r) => ({ createdAt: r.createdAt, status: r.status, message: r.message })),
    },
    secrets,
  );
}

/**
 * A history file as text pieces (its head, one piece per conversation, its
 * tail): joined, or handed to a Blob, they are the JSON file. Pieces keep a
 * large export out of one giant string.
 */
export async function* historyFileParts(
  conversations: AsyncIterable<{ conversation: ConversationRecord; records: MessageRecord[] }> | Iterable<{ conversation: ConversationRecord; records: MessageRecord[] }>,
  secrets: readonly string[],
  exportedAt: Date,
): AsyncGenerator<string> {
  yield `{"format":${JSON.stringify(HISTORY_FILE_FORMAT)},"version":${HISTORY_FILE_VERSION},"exportedAt":${JSON.stringify(exportedAt.toISOString())},"conversations":[`;
  let first = true;
  for await (const { conversation, records } of conversations) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(toFileConversation(conversation, records, secrets))}`;
    first = false;
  }
  yield '\n]}\n';
}

const TOOL_OUTPUT_CHARS = 4_000;

/** One conversation as Markdown, to read or share: questions, answers, tool calls (input and a capped output). */
export function conversationMarkdown(conversation: ConversationRecord, records: readonly MessageRecord[], secrets: readonly string[], exportedAt: Date): string {
  const lines: string[] = [];
  lines.push(`# ${oneLine(conversation.title)}`, '');
  lines.push(`- Account: ${conversation.account}`);
  lines.push(`- Started: ${stamp(conversation.createdAt)} · last message: ${stamp(conversation.updatedAt)}`);
  lines.push(`- Mode: ${conversation.mode}${conversation.model ? ` · model: ${conversation.model}` : ''}`);
  lines.push(`- Exported from Infra Assistant on ${stamp(exportedAt.getTime())}`, '');
  for (const record of records) {
    lines.push('---', '', `### ${record.role === 'user' ? 'You' : record.role === 'assistant' ? 'Assistant' : 'System'} · ${stamp(record.createdAt)}`, '');
    for (const part of record.message.parts) {
      if (part.type === 'text') {
        if (part.text.trim()) lines.push(part.text.trim(), '');
      } else if (isToolUIPart(part)) {
        const name = part.type.replace(/^tool-/, '');
        lines.push(`<details><summary>Tool <code>${escapeHtml(name)}</code>: ${part.state}</summary>`, '');
        if (part.input !== undefined) lines.push('Input:', '', fence(JSON.stringify(part.input, null, 2), 'json'), '');
        if (part.state === 'output-available') {
          const output = typeof part.output === 'string' ? part.output : JSON.stringify(part.output, null, 2);
          const capped = output.length > TOOL_OUTPUT_CHARS ? `${output.slice(0, TOOL_OUTPUT_CHARS)}\n… (${output.length - TOOL_OUTPUT_CHARS} more characters in the JSON export)` : output;
          lines.push('Output:', '', fence(capped, 'json'), '');
        } else if (part.state === 'output-error') {
          lines.push(`Error: ${oneLine(part.errorText ?? '')}`, '');
        }
        lines.push('</details>', '');
      }
    }
    if (record.status !== 'complete') lines.push('_(This answer was cut off before it finished.)_', '');
  }
  return redactSecrets(`${lines.join('\n').trimEnd()}\n`, secrets.filter((s) => s.length >= 6));
}

function fence(text: string, lang: string): string {
  // A fence longer than any run of backticks inside.
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
}

/** A file name from a title: lower-case words joined by dashes, at most 40 characters. */
export function exportFilename(title: string, format: ExportFormat, at: Date): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `infra-assistant-${slug || 'conversation'}-${at.toISOString().slice(0, 10)}.${format === 'markdown' ? 'md' : 'json'}`;
}

export function historyFilename(at: Date): string {
  return `infra-assistant-history-${at.toISOString().slice(0, 10)}.json`;
}

// ---------------------------------------------------------------------------
// Import

const time = z.number().finite().nonnegative();
const id = z.string().min(1).max(200);

const fileMessage = z.object({
  createdAt: time,
  status: z.enum(['complete', 'streaming', 'interrupted']),
  // The parts are checked by the AI SDK's own validator below.
  message: z.looseObject({ id, role: z.enum(['user', 'assistant', 'system']), parts: z.array(z.looseObject({ type: z.string() })) }),
});

const fileConversation = z.object({
  id,
  title: z.string().max(1_000),
  titleSource: z.enum(['question', 'generated', 'user']).optional(),
  createdAt: time,
  updatedAt: time,
  account: z.string().min(1).max(500),
  mode: z.enum(['ask', 'build']),
  model: z.string().max(200),
  messages: z.array(fileMessage).min(1).max(100_000),
});

const fileHead = z.object({
  format: z.literal(HISTORY_FILE_FORMAT, { error: 'This is not an Infra Assistant history file' }),
  version: z.literal(HISTORY_FILE_VERSION, { error: `Only version ${HISTORY_FILE_VERSION} history files can be imported` }),
  exportedAt: z.string(),
});

const historyFile = fileHead.extend({ conversations: z.array(z.unknown()).max(1_000_000) });

/** Files up to this size are parsed whole; larger ones must be in the layout the export writes (one conversation a line). */
const WHOLE_PARSE_CHARS = 64 * 1024 * 1024;
const IMPORT_BATCH = 64;

/** A bad file: the message says what and where, for the panel to show as it is. */
export class HistoryFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFileError';
  }
}

function problem(error: z.ZodError, prefix: (string | number)[] = []): HistoryFileError {
  const issue = error.issues[0]!;
  const path = [...prefix, ...issue.path];
  // "Not a history file" says it all; deeper problems say where they are.
  const where = path.length > 1 || (path.length === 1 && !['format', 'version'].includes(String(path[0]))) ? ` (at ${path.join('.')})` : '';
  return new HistoryFileError(`${issue.message}${where}`);
}

/** One conversation of a file, checked: its shape with zod, its messages with the AI SDK's validator, distinct message ids. */
async function toImported(raw: unknown, index: number): Promise<ImportedConversation> {
  const parsed = fileConversation.safeParse(raw);
  if (!parsed.success) throw problem(parsed.error, ['conversations', index]);
  const conversation = parsed.data;
  const messages = conversation.messages.map((m) => m.message);
  const ids = new Set(messages.map((m) => m.id));
  if (ids.size !== messages.length) throw new HistoryFileError(`Conversation ${index + 1} ("${conversation.title}") has two messages with the same id`);
  const valid = await safeValidateUIMessages({ messages });
  if (!valid.success) throw new HistoryFileError(`Conversation ${index + 1} ("${conversation.title}") has a message that cannot be read: ${valid.error.message.slice(0, 200)}`);
  const { messages: _messages, ...meta } = conversation;
  return {
    conversation: meta,
    messages: conversation.messages.map((m, i) => ({ createdAt: m.createdAt, status: m.status, message: valid.data[i]! })),
  };
}

/**
 * The conversations of a file, unparsed: the whole file parsed when it is
 * small; for a large one, the lines of the layout historyFileParts writes
 * (the head, one conversation a line, the tail), so it is never one giant
 * parse and memory stays at the text plus a batch.
 */
function rawConversations(text: string, wholeParseChars: number): { count: number; at: (index: number) => unknown } {
  if (text.length <= wholeParseChars) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HistoryFileError('The file is not JSON: choose a history file exported by Infra Assistant');
    }
    const parsed = historyFile.safeParse(json);
    if (!parsed.success) throw problem(parsed.error);
    const list = parsed.data.conversations;
    return { count: list.length, at: (i) => list[i] };
  }
  const lines = text.split('\n').filter((line) => line.trim());
  const head = lines[0] ?? '';
  const tail = lines[lines.length - 1] ?? '';
  const layout = head.endsWith('"conversations":[') && tail.trim() === ']}';
  let meta: unknown = null;
  try {
    meta = layout ? JSON.parse(`${head}]}`) : null;
  } catch {
    meta = null;
  }
  if (!meta) throw new HistoryFileError('This file is too large to import unless it is laid out as Infra Assistant exports it (one conversation a line)');
  const parsed = fileHead.safeParse(meta);
  if (!parsed.success) throw problem(parsed.error);
  const body = lines.slice(1, -1);
  return {
    count: body.length,
    at: (i) => {
      // historyFileParts ends every conversation but the last with a comma.
      const line = body[i]!.trim().replace(/,$/, '');
      try {
        return JSON.parse(line);
      } catch {
        throw new HistoryFileError(`Conversation ${i + 1} is not valid JSON`);
      }
    },
  };
}

/**
 * Read a history file for import: every conversation is checked first (a bad
 * one anywhere stops the import before anything is stored), then the file
 * is read again and handed over a batch at a time.
 */
export async function* readHistoryFile(
  text: string,
  options: { batch?: number; wholeParseChars?: number } = {},
): AsyncGenerator<ImportedConversation[]> {
  const batch = options.batch ?? IMPORT_BATCH;
  if (text.length > MAX_IMPORT_BYTES) throw new HistoryFileError(`The file is too large to import (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
  const file = rawConversations(text, options.wholeParseChars ?? WHOLE_PARSE_CHARS);
  for (let i = 0; i < file.count; i++) await toImported(file.at(i), i);
  for (let start = 0; start < file.count; start += batch) {
    const out: ImportedConversation[] = [];
    for (let i = start; i < Math.min(file.count, start + batch); i++) out.push(await toImported(file.at(i), i));
    yield out;
  }
}

/** Parse and check a whole history file (throws a HistoryFileError naming the first problem). */
export async function parseHistoryFile(text: string): Promise<ImportedConversation[]> {
  const all: ImportedConversation[] = [];
  for await (const batch of readHistoryFile(text)) all.push(...batch);
  return all;
}
