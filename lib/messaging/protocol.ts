import type { UIMessage } from 'ai';
import type { ConversationSummary, HistoryChange, HistoryCursor, HistoryPage } from '../db/conversation-store';
import type { HistoryHit } from '../history/search';
import type { ExportFormat, ImportResult } from '../history/transfer';
import type { IntegrationInput, ModelSelection, PublicIntegration } from '../settings/model-integrations';
import type { PanelModelState } from '../models/model-choice';
import type { ConnectionTestResult as ModelConnectionTestResult } from '../models/connection-test';
import type { ConnectionProblem } from '../models/connection-errors';
import type { BudgetStatus } from '../budget/budget';
import type { IntegrationUsage } from '../budget/usage-ledger';
import type { AccessibleSpace } from '../models/scoping';
import type { PageSnapshot } from '../page/page-snapshot';
import type { NavigationResult } from '../page/navigate-in-page';
import type { SpaceliftCredential } from '../spacelift/credentials';
import type { AssistantSettings } from '../settings/assistant-settings';
import type { PanelPlacement } from '../panel/placement';
import type { ModeAvailability } from '../settings/modes';

/**
 * The one typed protocol between the extension's contexts. Every request is
 * `{ protocol, name, input }` and every reply `{ ok, value | error }`, so a
 * stray message from anything else is ignored rather than misread.
 */
export const PROTOCOL = 'infra-assistant/1';

/** Requests that the panel and the popup send to the background. */
export interface BackgroundRequests {
  'ui.openSettings': { input: void; output: void };
  'spacelift.listAccounts': { input: void; output: SpaceliftAccountView[] };
  'spacelift.saveCredential': { input: { origin: string; credential: SpaceliftCredential | null }; output: SpaceliftAccountView[] };
  'spacelift.testConnection': { input: { origin: string }; output: ConnectionTestResult };
  'spacelift.listSelfHosted': { input: void; output: string[] };
  'spacelift.setSelfHosted': { input: { origins: string[] }; output: string[] };
  'settings.getAssistant': { input: void; output: AssistantSettings };
  'settings.saveAssistant': { input: AssistantSettings; output: AssistantSettings };
  'conversations.get': {
    input: { id: string };
    /** `followable`: the answer is running and a panel can follow it live (a follow on the chat Port). */
    output: { conversation: ConversationSummary; messages: UIMessage[]; answer: AnswerState; followable?: boolean } | null;
  };

  // --- The panel (issue 5): its placement, per user, and which modes the switcher may offer. ---
  /** Docked or floating, the docked width and the floating window, as the user left them. */
  'panel.getPlacement': { input: void; output: PanelPlacement };
  /** Merge a change (only well-formed fields are kept) and return the result. */
  'panel.savePlacement': { input: Partial<PanelPlacement>; output: PanelPlacement };
  /** From the organization settings: is Build available, and if not, why (shown on the switcher). */
  'settings.getModes': { input: void; output: ModeAvailability };
  /** Stop the answer being written for a conversation (one this tab follows after a reload has no Port to abort). */
  'chat.stop': { input: { conversationId: string }; output: void };
  // ---- History (issue 4): the History view's requests. From the panel (a content script on a
  // Spacelift page: it sees its own account's conversations) or an extension page (all accounts).
  // Every write is broadcast to open panels as `history.changed` (see ContentRequests).
  'history.list': { input: { before?: HistoryCursor; limit?: number }; output: HistoryPage };
  'history.search': { input: { query: string; limit?: number }; output: HistoryHit[] };
  'history.rename': { input: { id: string; title: string }; output: ConversationSummary | null };
  /** Soft delete: `history.restore` undoes it until it is purged (30 days). */
  'history.delete': { input: { id: string }; output: boolean };
  'history.restore': { input: { id: string }; output: boolean };
  /** One conversation, downloaded as Markdown or JSON (the JSON is an importable history file). */
  'history.exportConversation': { input: { id: string; format: ExportFormat }; output: { filename: string } };
  /** Every conversation of every account as one JSON history file. */
  'history.exportAll': { input: void; output: { filename: string; conversations: number } };
  /**
   * A history file's text (as exported), in parts of at most IMPORT_PART_CHARS (a message carries at
   * most 64 MB), numbered from 0. Once every part is in: validated, then merged without duplicates; the
   * last part's reply says what the import did, the others' reply is null.
   */
  'history.import': { input: { uploadId: string; part: number; parts: number; text: string }; output: ImportResult | null };
  // ---- end of History
  // ---- Models: AI integrations, model choice, usage and budgets (lib/background/model-requests.ts).
  // The panel may ask these two (its account is the sender's page); nothing here carries a key.
  'models.panelState': { input: { conversationId: string }; output: PanelModelState };
  'models.select': { input: { conversationId: string } & ModelSelection; output: PanelModelState };
  // Extension pages only (the popup): integrations, keys (write-only), tests, usage, organization.
  'models.listIntegrations': { input: void; output: IntegrationsView };
  'models.saveIntegration': { input: IntegrationInput; output: IntegrationsView & { savedId: string } };
  'models.deleteIntegration': { input: { id: string }; output: IntegrationsView };
  'models.setDefault': { input: ModelSelection; output: IntegrationsView };
  /** `draft.id` set and no apiKey: the stored key of that integration is used. */
  'models.testConnection': { input: { draft: IntegrationInput; modelId: string }; output: ModelConnectionTestResult };
  'models.fetchModels': { input: { draft: IntegrationInput }; output: { models: string[] | null; problem?: ConnectionProblem } };
  'models.usage': { input: void; output: IntegrationUsage[] };
  'models.listSpaces': { input: { account: string }; output: { spaces: AccessibleSpace[]; admin: boolean } | { problem: string } };
  /** Mark (account) or unmark (null) an integration as organization-provided; only a Spacelift admin of the account may. */
  'models.setOrganization': { input: { id: string; account: string | null }; output: IntegrationsView };
}

/** The popup's view of the integrations: no key, only whether one is set and its last characters. */
export interface IntegrationsView {
  integrations: PublicIntegration[];
  defaultSelection: ModelSelection | null;
  budgets: Record<string, BudgetStatus>;
}

/**
 * Where the conversation's latest answer stands: `running` (still being written
 * in the background), `interrupted` (cut off, or never came: offer a retry), or `idle`.
 */
export type AnswerState = 'idle' | 'running' | 'interrupted';

/** A configured Spacelift account as extension pages see it: never the secret or token. */
export interface SpaceliftAccountView {
  origin: string;
  kind: SpaceliftCredential['kind'];
  /** The API key id (not secret), or the last characters of a token. */
  label: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  /** How the extension got in: a stored API key or token, or the browser's own session. */
  via?: 'api-key' | 'token' | 'session';
  viewer?: { id: string; name?: string | null };
  error?: string;
}

/** Requests that the background sends to the content script of a tab. */
export interface ContentRequests {
  'panel.toggle': { input: void; output: { open: boolean } };
  'page.read': { input: void; output: PageSnapshot };
  'page.navigate': { input: { path: string }; output: NavigationResult };
  // History (issue 4): something in the history changed; an open panel refreshes what it shows.
  // Never loads the panel in a tab that has not opened it.
  'history.changed': { input: HistoryChange; output: void };
}

export type { HistoryChange };

export type RequestName<M> = keyof M & string;
export type RequestInput<M, K extends keyof M> = M[K] extends { input: infer I } ? I : never;
export type RequestOutput<M, K extends keyof M> = M[K] extends { output: infer O } ? O : never;

export interface RequestEnvelope<N extends string = string> {
  protocol: typeof PROTOCOL;
  name: N;
  input: unknown;
}

export type ReplyEnvelope<T> = { ok: true; value: T } | { ok: false; error: string };

export function isRequestEnvelope(message: unknown): message is RequestEnvelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as RequestEnvelope).protocol === PROTOCOL &&
    typeof (message as RequestEnvelope).name === 'string'
  );
}

export function envelope<M, K extends RequestName<M>>(name: K, input: RequestInput<M, K>): RequestEnvelope<K> {
  return { protocol: PROTOCOL, name, input };
}

export function unwrapReply<T>(reply: unknown, name: string): T {
  const r = reply as ReplyEnvelope<T> | undefined;
  if (!r || typeof r !== 'object' || !('ok' in r)) throw new Error(`No answer to ${name}`);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
