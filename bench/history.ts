// History benchmark: 10,000 conversations / 200,000 messages of Spacelift-flavoured
// text (deterministic), then History's first page, search latency, opening a
// 500-message conversation, writes with the index kept current, the database's
// size and the v1 -> v2 upgrade.
// Run: npx tsx bench/history.ts (HISTORY_BENCH_SCALE=0.1 for a tenth), or npm run bench.
// Node + fake-indexeddb: an in-memory IndexedDB in JavaScript (structuredClone on
// every read and write). Real IndexedDB in Chromium has other costs (LevelDB on
// disk, a process hop, serialisation in C++): these figures rank designs, they
// do not predict the browser's milliseconds.

import 'fake-indexeddb/auto';
import { PerformanceObserver, performance as perf } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import Dexie from 'dexie';
import type { UIMessage } from 'ai';
import { AssistantDatabase, type ConversationRecord, type MessageRecord, type PostingRecord } from '../lib/db/database';
import { ConversationStore } from '../lib/db/conversation-store';
import { SCHEMA_VERSIONS } from '../lib/db/schema-versions';
import { BUCKET_SIZE, buildPostings, indexedText, type IndexedConversation } from '../lib/history/search-index';
import { searchHistory } from '../lib/history/search';

// ---------------------------------------------------------------------------
// Deterministic corpus

export interface CorpusConversation {
  id: string;
  account: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: { message: UIMessage; createdAt: number }[];
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACCOUNTS = ['https://acme.app.spacelift.io', 'https://globex.app.spacelift.io', 'https://initech.app.spacelift.io'];
const ENVS = ['prod', 'staging', 'dev', 'sandbox', 'qa', 'shared', 'eu', 'us'];
const SYSTEMS = [
  'network', 'eks', 'rds', 'billing-api', 'payments', 'vpc', 'iam', 'dns', 'observability', 'kafka', 'redis', 'gke',
  'frontend', 'search', 'data-lake', 'bastion', 'cdn', 'auth', 'ledger', 'ci-runners', 'monitoring', 'secrets', 'mesh',
];
const SPACES = ['root', 'platform', 'payments', 'data', 'security', 'legacy', 'sandbox', 'edge'];
const POLICY_KINDS = ['plan', 'push', 'approval', 'trigger', 'login', 'notification', 'access', 'task'];
const RESOURCES = [
  'aws_s3_bucket', 'aws_iam_role', 'aws_iam_policy', 'aws_instance', 'aws_security_group', 'aws_db_instance',
  'aws_eks_cluster', 'aws_route53_record', 'aws_lambda_function', 'google_container_cluster', 'google_sql_database_instance',
  'azurerm_kubernetes_cluster', 'azurerm_storage_account', 'kubernetes_namespace', 'helm_release', 'spacelift_stack',
  'spacelift_context', 'spacelift_policy', 'datadog_monitor', 'cloudflare_record',
];
const ERRORS = [
  'Error acquiring the state lock: ConditionalCheckFailedException',
  'Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation',
  'Error: Invalid provider configuration: Provider "registry.terraform.io/hashicorp/aws" requires explicit configuration',
  'Error: Cycle: module.vpc.aws_route_table.private, module.vpc.aws_nat_gateway.this',
  'Error: Unsupported argument: An argument named "enable_classiclink" is not expected here',
  'Error: error configuring Terraform AWS Provider: no valid credential sources found',
  'Error: Failed to query available provider packages: could not retrieve the list of available versions',
  'Error: Reference to undeclared resource: A managed resource has not been declared in the root module',
  'Error: timeout while waiting for state to become available (last state: creating, timeout: 40m0s)',
  'Error: deleting S3 Bucket: BucketNotEmpty: The bucket you tried to delete is not empty',
  'Error: Kubernetes cluster unreachable: the server has asked for the client to provide credentials',
  'Error: Backend configuration changed: a change in the backend configuration has been detected',
  'OIDC token exchange failed: AssumeRoleWithWebIdentity AccessDenied for role arn:aws:iam::123456789012:role/spacelift',
  'worker pool has no available workers: run is queued waiting for a private worker',
  'policy denied the run: plan policy returned deny "do not destroy production databases"',
];
const RUN_STATES = ['FAILED', 'FINISHED', 'UNCONFIRMED', 'DISCARDED', 'STOPPED', 'APPLYING', 'PLANNING', 'QUEUED'];
const TOOLS = ['query_graphql', 'search_docs', 'page_context', 'inspect_graphql', 'read_docs_page'];

const USER_TEMPLATES: ((f: Fill) => string)[] = [
  (f) => `Why did the last run of ${f.stack} fail?`,
  (f) => `What does this error mean: ${f.error}`,
  (f) => `How do I write a ${f.policy} policy that blocks changes to ${f.resource} in ${f.env}?`,
  (f) => `Which stacks in the ${f.space} space have drift detection enabled?`,
  (f) => `Show me the runs of ${f.stack} that are still ${f.state.toLowerCase()}`,
  (f) => `Can you explain why ${f.stack} depends on ${f.stack2}? The outputs look wrong.`,
  (f) => `How do I attach the ${f.context} context to ${f.stack}?`,
  (f) => `Our private worker pool ${f.pool} is stuck, runs stay queued. What should I check?`,
  (f) => `Is there a way to trigger ${f.stack2} automatically after ${f.stack} applies?`,
  (f) => `Summarise what changed in run ${f.runId} on ${f.stack}`,
  (f) => `How do I set up OIDC with AWS for the ${f.space} space instead of static keys?`,
  (f) => `What Terraform version does ${f.stack} use and how do I upgrade it to ${f.tfVersion}?`,
  (f) => `The ${f.resource} keeps showing up in every plan for ${f.stack}. Why is it not converging?`,
  (f) => `Write a Rego ${f.policy} policy that requires two approvals for ${f.env} stacks`,
  (f) => `How do I import an existing ${f.resource} into the state of ${f.stack}?`,
  (f) => `ok thanks, and what about ${f.stack2}?`,
  (f) => `can you check the module registry for the latest version of terraform-aws-${f.system}`,
  (f) => `Why is the ${f.policy} policy not evaluated on pull requests to ${f.branch}?`,
];

const ASSISTANT_SENTENCES: ((f: Fill) => string)[] = [
  (f) => `The last tracked run of **${f.stack}** (\`${f.runId}\`) ended in \`${f.state}\` after the planning phase.`,
  (f) => `The logs show \`${f.error}\`, which usually means another run or a local \`terraform apply\` still holds the lock.`,
  (f) => `In Spacelift, a ${f.policy} policy is written in Rego and evaluated on every ${f.policy === 'push' ? 'push to the tracked branch' : 'run'}; attach it to ${f.stack} or give it the \`autoattach:${f.env}\` label.`,
  (f) => `Drift detection runs a proposed run on a schedule (every ${f.hours} hours here) on the private worker pool ${f.pool}, and can reconcile automatically.`,
  (f) => `Stack dependencies pass outputs as inputs: ${f.stack2} reads \`${f.system.replace(/-/g, '_')}_id\` from ${f.stack}, so it is triggered after ${f.stack} applies.`,
  (f) => `The context ${f.context} holds environment variables and mounted files; attach it with a priority so it overrides the space-level defaults.`,
  (f) => `Your ${f.resource} resource changes on every plan because a computed attribute (\`tags_all\`) is not ignored; add it to \`lifecycle { ignore_changes }\`.`,
  (f) => `Runs stay \`QUEUED\` when no worker in ${f.pool} is available: check the worker pool's workers and that their token was not rotated.`,
  (f) => `With OIDC, Spacelift signs a token per run and AWS exchanges it through \`AssumeRoleWithWebIdentity\`; the role's trust policy must allow the ${f.space} space.`,
  (f) => `${f.stack} is pinned to Terraform ${f.tfVersion0}; change the version in the stack settings to ${f.tfVersion} and confirm a proposed run first.`,
  (f) => `To import, run a task on ${f.stack} with \`terraform import ${f.resource}.this ${f.importId}\`, then plan to check there is no diff.`,
  (f) => `The approval policy requires two reviewers from the ${f.team} team before a run in ${f.env} can be confirmed.`,
  (f) => `The module terraform-aws-${f.system} is published in the ${f.space} space registry; version ${f.moduleVersion} is the latest and its tests passed.`,
  (f) => `Pull requests to ${f.branch} create proposed runs only when the push policy returns \`propose\`; yours only handles the tracked branch.`,
  (f) => `I queried the GraphQL API: ${f.count} stacks in ${f.space} have drift detection enabled, ${f.count2} of them reported drift this week.`,
  (f) => `Note that ${f.error.split(':')[0]} is reported by the provider, not by Spacelift, so retrying the run alone will not help.`,
  (f) => `You can see the run in the Spacelift UI under Stacks › ${f.stack} › Runs, or with \`spacectl stack run list --id ${f.stack}\`.`,
  (f) => `The worker pool ${f.pool} runs ${f.count} workers on Kubernetes via the Helm chart; the controller logs show they are healthy.`,
  (f) => `Blocking destroys of ${f.resource} in ${f.env} is a plan policy: \`deny[msg] { input.terraform.resource_changes[_].change.actions[_] == "delete" }\`.`,
];

const CODE_BLOCKS: ((f: Fill) => string)[] = [
  (f) =>
    `\`\`\`rego\npackage spacelift\n\ndeny[sprintf("do not delete %s", [r.address])] {\n  r := input.terraform.resource_changes[_]\n  r.type == "${f.resource}"\n  r.change.actions[_] == "delete"\n}\n\`\`\``,
  (f) =>
    `\`\`\`hcl\nresource "spacelift_stack_dependency" "this" {\n  stack_id            = spacelift_stack.${f.system.replace(/-/g, '_')}.id\n  depends_on_stack_id = spacelift_stack.${f.env}_network.id\n}\n\`\`\``,
  (f) => `\`\`\`\n${f.error}\n\n  with ${f.resource}.this,\n  on main.tf line ${f.line}, in resource "${f.resource}" "this":\n\`\`\``,
];

interface Fill {
  stack: string;
  stack2: string;
  env: string;
  system: string;
  space: string;
  policy: string;
  resource: string;
  error: string;
  state: string;
  runId: string;
  context: string;
  pool: string;
  branch: string;
  team: string;
  tfVersion: string;
  tfVersion0: string;
  moduleVersion: string;
  importId: string;
  hours: number;
  count: number;
  count2: number;
  line: number;
}

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

class CorpusRandom {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  id(length: number, chars = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
    let out = '';
    for (let i = 0; i < length; i++) out += chars[this.int(chars.length)];
    return out;
  }
  uuid(): string {
    const h = this.id(32, '0123456789abcdef');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  }
  fill(): Fill {
    const env = this.pick(ENVS);
    const system = this.pick(SYSTEMS);
    return {
      stack: `${env}-${system}`,
      stack2: `${this.pick(ENVS)}-${this.pick(SYSTEMS)}`,
      env,
      system,
      space: this.pick(SPACES),
      policy: this.pick(POLICY_KINDS),
      resource: this.pick(RESOURCES),
      error: this.pick(ERRORS),
      state: this.pick(RUN_STATES),
      runId: `01J${this.id(23, ULID_CHARS)}`,
      context: `${this.pick(ENVS)}-${this.pick(['aws-creds', 'gcp', 'datadog', 'shared-vars', 'tf-vars', 'k8s'])}`,
      pool: `${this.pick(['private', 'onprem', 'eks', 'gke', 'hardened'])}-pool-${1 + this.int(4)}`,
      branch: this.pick(['main', 'master', 'production', 'develop', 'release']),
      team: this.pick(['platform', 'sre', 'security', 'payments', 'data']),
      tfVersion: `1.${5 + this.int(5)}.${this.int(6)}`,
      tfVersion0: `1.${2 + this.int(3)}.${this.int(9)}`,
      moduleVersion: `${1 + this.int(4)}.${this.int(20)}.${this.int(10)}`,
      importId: `${this.pick(['i', 'sg', 'vpc', 'subnet', 'arn'])}-${this.id(12, '0123456789abcdef')}`,
      hours: 1 + this.int(24),
      count: 2 + this.int(40),
      count2: this.int(5),
      line: 1 + this.int(300),
    };
  }
}

function assistantText(random: CorpusRandom, fill: Fill): string {
  const paragraphs: string[] = [];
  const sentenceCount = 3 + random.int(6);
  let paragraph: string[] = [];
  for (let i = 0; i < sentenceCount; i++) {
    paragraph.push(random.pick(ASSISTANT_SENTENCES)(random.float() < 0.5 ? fill : random.fill()));
    if (paragraph.length >= 2 && random.float() < 0.4) {
      paragraphs.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) paragraphs.push(paragraph.join(' '));
  if (random.float() < 0.25) paragraphs.splice(1, 0, random.pick(CODE_BLOCKS)(fill));
  if (random.float() < 0.3) paragraphs.push(`- check ${fill.stack}'s last run\n- compare with ${fill.stack2}\n- then confirm the run`);
  return paragraphs.join('\n\n');
}

function toolPart(random: CorpusRandom, fill: Fill): UIMessage['parts'][number] {
  const tool = random.pick(TOOLS);
  const toolCallId = `call_${random.id(24)}`;
  if (tool === 'query_graphql') {
    return {
      type: 'tool-query_graphql',
      toolCallId,
      state: 'output-available',
      input: { query: `query { stack(id: "${fill.stack}") { id name state runs { id state createdAt } } }` },
      output: {
        data: {
          stack: {
            id: fill.stack,
            name: fill.stack,
            state: fill.state,
            runs: Array.from({ length: 3 }, () => ({ id: `01J${random.id(23, ULID_CHARS)}`, state: random.pick(RUN_STATES), createdAt: 1_700_000_000 + random.int(3e7) })),
          },
        },
      },
    } as UIMessage['parts'][number];
  }
  if (tool === 'search_docs') {
    return {
      type: 'tool-search_docs',
      toolCallId,
      state: 'output-available',
      input: { query: `${fill.policy} policy` },
      output: {
        results: [
          { title: `${fill.policy[0]!.toUpperCase()}${fill.policy.slice(1)} policy`, url: `https://docs.spacelift.io/concepts/policy/${fill.policy}-policy`, excerpt: `A ${fill.policy} policy decides what happens...` },
          { title: 'Policies', url: 'https://docs.spacelift.io/concepts/policy', excerpt: 'Policies are written in Open Policy Agent Rego.' },
        ],
      },
    } as UIMessage['parts'][number];
  }
  return {
    type: `tool-${tool}`,
    toolCallId,
    state: random.float() < 0.1 ? 'output-error' : 'output-available',
    input: {},
    output: { url: `${'https://acme.app.spacelift.io'}/stack/${fill.stack}`, title: `${fill.stack} · Spacelift` },
    ...(random.float() < 0.1 ? { errorText: 'The page did not answer in time' } : {}),
  } as UIMessage['parts'][number];
}

/**
 * `conversations` conversations holding `messages` messages in all, one of them
 * `longest` messages long (the "open a long conversation" case). Times are
 * spread over two years, newest last.
 */
export function generateCorpus(conversations = 10_000, messages = 200_000, longest = 500, seed = 42): CorpusConversation[] {
  const random = new CorpusRandom(seed);
  const start = Date.UTC(2024, 0, 1);
  const span = 2 * 365 * 24 * 3600 * 1000;
  // Lengths: even numbers between 2 and ~38 around the mean, plus one long conversation; then fix the total.
  const mean = (messages - longest) / (conversations - 1);
  const lengths = Array.from({ length: conversations }, () => Math.max(2, 2 * Math.round((mean * (0.1 + 1.8 * random.float())) / 2)));
  const longIndex = Math.floor(conversations * 0.97);
  lengths[longIndex] = longest;
  let total = lengths.reduce((a, b) => a + b, 0);
  if (messages < 2 * (conversations - 1) + longest) throw new Error('Too few messages for that many conversations');
  for (let i = 0; total !== messages; i = (i + 1) % conversations) {
    if (i === longIndex) continue;
    if (total > messages && lengths[i]! > 2) {
      lengths[i]!--;
      total--;
    } else if (total < messages) {
      lengths[i]!++;
      total++;
    }
  }

  const out: CorpusConversation[] = [];
  for (let c = 0; c < conversations; c++) {
    const createdAt = start + Math.floor((span * c) / conversations);
    const fill = random.fill();
    const convMessages: CorpusConversation['messages'] = [];
    let at = createdAt;
    for (let m = 0; m < lengths[c]!; m++) {
      at += 5_000 + random.int(120_000);
      const turnFill = random.float() < 0.6 ? fill : random.fill();
      if (m % 2 === 0) {
        const text = (m === 0 ? random.pick(USER_TEMPLATES.slice(0, 15)) : random.pick(USER_TEMPLATES))(turnFill);
        convMessages.push({ message: { id: random.id(16), role: 'user', parts: [{ type: 'text', text }] }, createdAt: at });
      } else {
        const parts: UIMessage['parts'] = [{ type: 'step-start' }];
        if (random.float() < 0.45) parts.push(toolPart(random, turnFill), { type: 'step-start' });
        parts.push({ type: 'text', text: assistantText(random, turnFill), state: 'done' });
        convMessages.push({ message: { id: random.uuid(), role: 'assistant', parts }, createdAt: at });
      }
    }
    const first = convMessages[0]!.message.parts[0] as { text: string };
    out.push({
      id: random.uuid(),
      account: ACCOUNTS[c % 7 === 0 ? 1 : c % 11 === 0 ? 2 : 0]!,
      title: first.text.length > 60 ? `${first.text.slice(0, 59)}…` : first.text,
      createdAt,
      updatedAt: at,
      messages: convMessages,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// Benchmark

// Whole words, multi-word ANDs, prefixes as typed (last word unfinished), identifiers, rare and common terms.
export const HISTORY_QUERIES = [
  'terraform', 'state lock', 'prod-network', 'approval policy', 'drift detection', 'polic', 'terr', 'te', 'st',
  'worker pool queued', 'aws_iam_role', 'UnauthorizedOperation', 'OIDC', 'module registry', 'stack dependencies outputs',
  'why did the last run', 'billing-api fail', 'kubernetes cluster unreachable', 'rego deny delete', 'eks', 'context prio',
  'BucketNotEmpty', 'import aws_s3', 'tags_all ignore_changes', 'hardened-pool-3', 'spacectl stack run list', 'ledger stag',
  'enable_classiclink', 'AssumeRoleWithWebIdentity trust', 'two approvals production', 'nothing-matches-this-xyzzy',
];

const WRITE_CHUNK = 5_000;

/** JSON size of rows; bytes (a Uint8Array) count as their base64 string, as the fixtures write them. */
function jsonSize(rows: readonly unknown[]): number {
  let bytes = 0;
  for (const row of rows) bytes += Buffer.byteLength(JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)));
  return bytes;
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

const round = (value: number) => Math.round(value * 10) / 10;
const mb = (bytes: number) => `${round(bytes / 1e6)} MB`;

function rowsOf(corpus: readonly CorpusConversation[]) {
  const conversations: ConversationRecord[] = [];
  const messages: MessageRecord[] = [];
  const indexed: IndexedConversation[] = [];
  corpus.forEach((c, docNo) => {
    conversations.push({ id: c.id, title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, account: c.account, mode: 'ask', model: 'gpt-5-mini', docNo, listedAt: c.updatedAt });
    const records = c.messages.map(({ message, createdAt }, seq): MessageRecord => ({
      id: message.id, conversationId: c.id, seq, role: message.role, createdAt, status: 'complete', message,
    }));
    for (const record of records) messages.push(record);
    indexed.push({ docNo, title: c.title, titleAt: c.createdAt, messages: records.map(indexedText) });
  });
  return { conversations, messages, indexed };
}

async function timed<T>(work: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const result = await work();
  return [result, performance.now() - start];
}

async function samples(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(work))[1]);
  return times;
}

/**
 * Bulk load, as an import would: rows written in chunks, the index built in
 * memory a few buckets of conversations at a time (buildPostings, the code the
 * v2 upgrade uses) and written in chunks.
 */
async function bulkLoad(db: AssistantDatabase, corpus: readonly CorpusConversation[]) {
  const { conversations, messages, indexed } = rowsOf(corpus);
  const [, rowsMs] = await timed(async () => {
    await db.conversations.bulkPut(conversations);
    for (let i = 0; i < messages.length; i += WRITE_CHUNK) await db.messages.bulkPut(messages.slice(i, i + WRITE_CHUNK));
  });
  let postingRows = 0;
  let postingJson = 0;
  let postingBinary = 0;
  const [, indexMs] = await timed(async () => {
    for (let i = 0; i < indexed.length; i += BUCKET_SIZE * 8) {
      const rows: PostingRecord[] = buildPostings(indexed.slice(i, i + BUCKET_SIZE * 8));
      postingRows += rows.length;
      for (let j = 0; j < rows.length; j += WRITE_CHUNK) await db.searchPostings.bulkPut(rows.slice(j, j + WRITE_CHUNK));
      postingJson += jsonSize(rows);
      for (const row of rows) postingBinary += row.term.length + 8 + row.p.byteLength;
    }
  });
  return {
    rowsMs,
    indexMs,
    conversationBytes: jsonSize(conversations),
    messageBytes: jsonSize(messages),
    postingRows,
    postingJson,
    postingBinary,
  };
}

/** The v1 -> v2 upgrade (numbering, listing, indexing everything) on a v1 database holding `corpus`. */
async function benchUpgrade(corpus: readonly CorpusConversation[]): Promise<number> {
  const name = `bench-history-upgrade-${Math.random()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_VERSIONS[0]!.stores);
  const { conversations, messages } = rowsOf(corpus);
  await v1.table('conversations').bulkPut(conversations.map(({ docNo: _d, listedAt: _l, ...row }) => row));
  for (let i = 0; i < messages.length; i += WRITE_CHUNK) await v1.table('messages').bulkPut(messages.slice(i, i + WRITE_CHUNK));
  v1.close();
  const db = new AssistantDatabase(name);
  const [, ms] = await timed(() => db.open());
  await db.delete();
  return ms;
}

export async function benchHistory(options: { conversations?: number; messages?: number } = {}): Promise<Record<string, number | string>> {
  const nConversations = options.conversations ?? 10_000;
  const nMessages = options.messages ?? 200_000;
  const figures: Record<string, number | string> = {
    environment: 'Node + fake-indexeddb (in memory, structuredClone per row): real IndexedDB in Chromium will differ',
  };

  const [corpus, generateMs] = await timed(() => generateCorpus(nConversations, nMessages));
  const db = new AssistantDatabase(`bench-history-${Math.random()}`);
  await db.open();
  const [load, loadMs] = await timed(() => bulkLoad(db, corpus));
  const store = new ConversationStore(db);
  figures.corpus = `${nConversations} conversations, ${nMessages} messages, 3 accounts, longest ${Math.max(...corpus.map((c) => c.messages.length))} messages`;
  figures.generateMs = Math.round(generateMs);
  figures.insertRowsMs = Math.round(load.rowsMs);
  figures.buildAndInsertIndexMs = Math.round(load.indexMs);
  figures.generateAndInsertTotalMs = Math.round(generateMs + loadMs);

  // History's first page (cold: the first read of the table), then warm, then the next page.
  const account = corpus[0]!.account;
  const [firstPage, firstPageColdMs] = await timed(() => store.listPage({ account, limit: 50 }));
  figures.firstPage50ColdMs = round(firstPageColdMs);
  figures.firstPage50MedianMs = round(percentile(await samples(10, () => store.listPage({ account, limit: 50 })), 0.5));
  figures.firstPage50AllAccountsMedianMs = round(percentile(await samples(10, () => store.listPage({ limit: 50 })), 0.5));
  figures.nextPage50MedianMs = round(percentile(await samples(10, () => store.listPage({ account, limit: 50, before: firstPage.next! })), 0.5));

  // Search: a first pass over every query, then three timed passes. Nothing is cached between queries.
  const firstPass: number[] = [];
  const hitCounts: number[] = [];
  for (const query of HISTORY_QUERIES) {
    const [hits, ms] = await timed(() => searchHistory(db, query, { limit: 20 }));
    firstPass.push(ms);
    hitCounts.push(hits.length);
  }
  // Major GCs of this process (whose heap holds the whole fake database) are noted, to tell them from the search's own time.
  const majorGcs: [number, number][] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if ((entry as { detail?: { kind?: number } }).detail?.kind === 4 /* NODE_PERFORMANCE_GC_MAJOR */) majorGcs.push([entry.startTime, entry.startTime + entry.duration]);
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  const times: number[] = [];
  const windows: [number, number][] = [];
  const perQuery = new Map<string, number[]>();
  for (let pass = 0; pass < 3; pass++) {
    for (const query of HISTORY_QUERIES) {
      const started = perf.now();
      const [, ms] = await timed(() => searchHistory(db, query, { limit: 20 }));
      times.push(ms);
      windows.push([started, started + ms]);
      perQuery.set(query, [...(perQuery.get(query) ?? []), ms]);
    }
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer deliver
  observer.disconnect();
  const withoutGc = times.filter((_, i) => !majorGcs.some(([from, to]) => from < windows[i]![1] && to > windows[i]![0]));
  const slowest = [...perQuery].map(([q, t]) => [q, percentile(t, 0.5)] as const).sort((a, b) => b[1] - a[1]).slice(0, 3);
  const accountTimes: number[] = [];
  for (const query of HISTORY_QUERIES) accountTimes.push((await timed(() => searchHistory(db, query, { account: corpus[1]!.account })))[1]);
  figures.searchQueries = `${HISTORY_QUERIES.length} (x3 passes), 20 results each with snippets`;
  figures.searchMedianMs = round(percentile(times, 0.5));
  figures.searchP95Ms = round(percentile(times, 0.95));
  figures.searchMaxMs = round(Math.max(...times));
  figures.searchWithoutMajorGc = `${withoutGc.length}/${times.length} samples: median ${round(percentile(withoutGc, 0.5))}, p95 ${round(percentile(withoutGc, 0.95))}, max ${round(Math.max(...withoutGc))} ms`;
  figures.searchFirstPassMedianMs = round(percentile(firstPass, 0.5));
  figures.searchSlowestMedians = slowest.map(([q, t]) => `"${q}" ${round(t)} ms`).join(', ');
  figures.searchOneAccountMedianMs = round(percentile(accountTimes, 0.5));
  figures.searchResultsPerQuery = hitCounts.join(' ');

  // The long conversation, as History opens it.
  const long = corpus.find((c) => c.messages.length >= 500) ?? corpus[0]!;
  const openTimes = await samples(6, () => store.get(long.id));
  figures.openLongConversationMedianMs = `${round(percentile(openTimes.slice(1), 0.5))} (${long.messages.length} messages; first ${round(openTimes[0]!)})`;

  // Writes with the index kept current: a new question on the long conversation, its answer streamed (3 saves), a new conversation.
  const history = long.messages.map((m) => m.message);
  const question: UIMessage = { id: 'bench-q', role: 'user', parts: [{ type: 'text', text: 'Why is prod-network drifting again after the state lock error?' }] };
  const meta = { id: long.id, account: long.account, mode: 'ask' as const, model: 'gpt-5-mini' };
  const [, saveHistoryMs] = await timed(() => store.saveHistory(meta, [...history, question]));
  // The answer as it streams: saved after each step, growing, then complete.
  const answer = generateCorpus(2, 4, 2, 7)[0]!.messages[1]!.message;
  const fullText = answer.parts.map((p) => (p.type === 'text' ? p.text : '')).join(' ');
  const steps = [0.3, 0.6, 1].map((share) => fullText.slice(0, Math.round(fullText.length * share)));
  const answerTimes: number[] = [];
  for (const [i, text] of steps.entries()) {
    const message: UIMessage = { id: 'bench-a', role: 'assistant', parts: [{ type: 'step-start' }, { type: 'text', text }] };
    answerTimes.push((await timed(() => store.saveAnswer(long.id, history.length + 1, message, i === steps.length - 1 ? 'complete' : 'streaming')))[1]);
  }
  const [, newConversationMs] = await timed(() => store.saveHistory({ ...meta, id: 'bench-new' }, [corpus[5]!.messages[0]!.message]));
  figures.saveHistory501MessagesMs = round(saveHistoryMs);
  figures.saveAnswerStreamedMs = `${answerTimes.map(round).join(' / ')} (a ${fullText.length}-character answer saved at 30%, 60%, 100%)`;
  figures.saveHistoryNewConversationMs = round(newConversationMs);

  figures.sizeConversationsJson = mb(load.conversationBytes);
  figures.sizeMessagesJson = mb(load.messageBytes);
  figures.sizeSearchPostingsJson = `${mb(load.postingJson)} (${load.postingRows} rows, buckets of ${BUCKET_SIZE}; ${mb(load.postingBinary)} as stored: term, bucket and varint bytes)`;
  figures.sizeTotalJson = mb(load.conversationBytes + load.messageBytes + load.postingJson);
  await db.delete();

  // The upgrade from v1 on a tenth of the corpus (its v1 rows must be written first, slowly).
  const upgradeCorpus = corpus.slice(0, Math.ceil(corpus.length / 10));
  const upgradeMs = await benchUpgrade(upgradeCorpus);
  const upgradeMessages = upgradeCorpus.reduce((n, c) => n + c.messages.length, 0);
  figures.upgradeV1toV2 = `${Math.round(upgradeMs)} ms for ${upgradeCorpus.length} conversations / ${upgradeMessages} messages (~${round((upgradeMs * corpus.length) / upgradeCorpus.length / 1000)} s for all, linearly)`;
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const scale = Number(process.env.HISTORY_BENCH_SCALE ?? 1);
  const started = performance.now();
  const figures = await benchHistory({ conversations: Math.round(10_000 * scale), messages: Math.round(200_000 * scale) });
  for (const [name, value] of Object.entries(figures)) console.log(`${name.padEnd(32)} ${value}`);
  console.log(`${'benchmarkRuntimeS'.padEnd(32)} ${Math.round((performance.now() - started) / 1000)}`);
}
