// The history benchmark's corpus: deterministic, Spacelift-flavoured conversations, and the rows
// they make. No IndexedDB here, so it runs in Node (bench/history.ts, on fake-indexeddb) and in the
// extension's worker (bench/history-panel.ts seeds real IndexedDB in Chromium with it).
import type { UIMessage } from 'ai';
import type { ConversationRecord, MessageRecord } from '../lib/db/database';
import { indexedText, type IndexedConversation } from '../lib/history/search-index';

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
  // A failed call has an error text and no output, as the AI SDK stores it.
  const failed = random.float() < 0.1;
  return {
    type: `tool-${tool}`,
    toolCallId,
    state: failed ? 'output-error' : 'output-available',
    input: {},
    ...(failed
      ? { errorText: 'The page did not answer in time' }
      : { output: { url: `${'https://acme.app.spacelift.io'}/stack/${fill.stack}`, title: `${fill.stack} · Spacelift` } }),
  } as UIMessage['parts'][number];
}

/**
 * `conversations` conversations holding `messages` messages in all, one of them
 * `longest` messages long (the "open a long conversation" case). Times are
 * spread over two years, newest last.
 */
export function generateCorpus(conversations = 10_000, messages = 200_000, longest = 500, seed = 42, accounts: readonly string[] = ACCOUNTS): CorpusConversation[] {
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
      account: accounts[c % 7 === 0 ? 1 : c % 11 === 0 ? 2 : 0] ?? accounts[0]!,
      title: first.text.length > 60 ? `${first.text.slice(0, 59)}…` : first.text,
      createdAt,
      updatedAt: at,
      messages: convMessages,
    });
  }
  return out;
}


export function rowsOf(corpus: readonly CorpusConversation[]) {
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
