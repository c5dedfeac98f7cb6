// Generators of realistic run logs (worker preparation, init, plan, apply, tasks), so every
// seeded run reads like a real Terraform/OpenTofu run without hand-writing hundreds of lines.

import { seedHex } from './ids';
import type { ChangeAction, SeedCommit, SeedDelta, SeedPlannedChange, SeedResource, SeedStack } from './types';

export type PlannedChange = SeedPlannedChange;

const PROVIDER_VERSIONS: Record<string, { source: string; version: string }> = {
  aws: { source: 'hashicorp/aws', version: '5.82.2' },
  kubernetes: { source: 'hashicorp/kubernetes', version: '2.35.1' },
  helm: { source: 'hashicorp/helm', version: '2.17.0' },
  random: { source: 'hashicorp/random', version: '3.6.3' },
  datadog: { source: 'DataDog/datadog', version: '3.49.0' },
  spacelift: { source: 'spacelift-io/spacelift', version: '1.19.0' },
};

export function toolName(stack: SeedStack): 'Terraform' | 'OpenTofu' {
  return stack.vendor.kind === 'OPENTOFU' ? 'OpenTofu' : 'Terraform';
}

function toolVersion(stack: SeedStack): string {
  const vendor = stack.vendor;
  return vendor.kind === 'TERRAFORM' || vendor.kind === 'OPENTOFU' ? vendor.version : 'n/a';
}

/** Splits `module.vpc.aws_subnet.private[0]` into its type and name. */
export function parseAddress(address: string): { type: string; name: string } {
  const parts = address.replace(/\[[^\]]*\]$/, '').split('.');
  const name = parts.pop() ?? address;
  const type = parts.pop() ?? address;
  return { type, name };
}

/** A cloud-looking id for a resource, stable for a given address. */
export function fakeResourceId(address: string): string {
  const { type, name } = parseAddress(address);
  const hex = seedHex(address, 17);
  if (type === 'aws_vpc') return `vpc-${hex}`;
  if (type === 'aws_subnet') return `subnet-${hex}`;
  if (type.startsWith('aws_security_group')) return `sg-${hex}`;
  if (type === 'aws_route_table') return `rtb-${hex}`;
  if (type === 'aws_nat_gateway') return `nat-${hex}`;
  return `${name.replace(/_/g, '-')}-${hex.slice(0, 8)}`;
}

export function providersOf(resources: readonly SeedResource[]): string[] {
  return [...new Set(resources.map((resource) => resource.provider))].sort();
}

export function deltaOf(changes: readonly PlannedChange[]): SeedDelta {
  const count = (...actions: ChangeAction[]) => changes.filter((change) => actions.includes(change.action)).length;
  return {
    addCount: count('create', 'replace'),
    changeCount: count('update'),
    deleteCount: count('delete', 'replace'),
    resources: changes.length,
  };
}

export function preparingLogs(stack: SeedStack, commit: SeedCommit, workerPoolName: string, contextNames: string[]): string[] {
  const lines = [
    `Run scheduled on worker pool "${workerPoolName}"`,
    `Downloading source code for ${stack.namespace}/${stack.repository}@${commit.hash.slice(0, 7)}`,
    `Source code downloaded, working directory /mnt/workspace/source/${stack.projectRoot}`,
  ];
  if (contextNames.length > 0) lines.push(`Attached contexts: ${contextNames.join(', ')}`);
  lines.push(`Pulling runner image ${stack.runnerImage ?? 'public.ecr.aws/spacelift/runner-terraform:latest'}`);
  lines.push(`Using ${toolName(stack)} ${toolVersion(stack)}`);
  for (const command of stack.hooks.beforeInit) lines.push(`$ ${command}`);
  lines.push('Workspace prepared');
  return lines;
}

export function initializingLogs(stack: SeedStack): string[] {
  const tool = toolName(stack);
  const lines = ['Initializing the backend...', '', 'Successfully configured the backend "http"!', ''];
  const modules = [...new Set(stack.resources.map((resource) => resource.module).filter((module) => module !== ''))];
  if (modules.length > 0) {
    lines.push('Initializing modules...');
    for (const module of modules) lines.push(`- ${module.replace(/^module\./, '')} in .terraform/modules/${module.replace(/^module\./, '')}`);
    lines.push('');
  }
  lines.push('Initializing provider plugins...');
  for (const provider of providersOf(stack.resources)) {
    const known = PROVIDER_VERSIONS[provider] ?? { source: `hashicorp/${provider}`, version: '1.0.0' };
    lines.push(`- Reusing previous version of ${known.source} from the dependency lock file`);
    lines.push(`- Using previously-installed ${known.source} v${known.version}`);
  }
  lines.push('', `${tool} has been successfully initialized!`);
  return lines;
}

function renderChange(change: PlannedChange): string[] {
  const { type, name } = parseAddress(change.address);
  const keys = Object.keys(change.attributes);
  const width = Math.max(0, ...keys.map((key) => key.length));
  const attributeLines = (symbol: string) =>
    keys.map((key) => `      ${symbol} ${key.padEnd(width)} = ${change.attributes[key] ?? ''}`);
  switch (change.action) {
    case 'create':
      return [`  # ${change.address} will be created`, `  + resource "${type}" "${name}" {`, ...attributeLines('+'), '    }'];
    case 'update':
      return [
        `  # ${change.address} will be updated in-place`,
        `  ~ resource "${type}" "${name}" {`,
        `        id = "${fakeResourceId(change.address)}"`,
        ...attributeLines('~'),
        '    }',
      ];
    case 'delete':
      return [`  # ${change.address} will be destroyed`, `  - resource "${type}" "${name}" {`, ...attributeLines('-'), '    }'];
    case 'replace':
      return [
        `  # ${change.address} must be replaced`,
        `-/+ resource "${type}" "${name}" {`,
        ...attributeLines('~').map((line) => `${line} # forces replacement`),
        '    }',
      ];
  }
}

/** The refresh lines and the plan itself; `changes` empty means "No changes". */
export function planningLogs(stack: SeedStack, changes: readonly PlannedChange[]): string[] {
  const tool = toolName(stack);
  const lines = stack.resources.map(
    (resource) => `${resource.address}: Refreshing state... [id=${fakeResourceId(resource.address)}]`,
  );
  lines.push('');
  if (changes.length === 0) {
    lines.push('No changes. Your infrastructure matches the configuration.', '');
    lines.push(`${tool} has compared your real infrastructure against your configuration and found no differences, so no changes are needed.`);
    return lines;
  }
  lines.push(`${tool} used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:`);
  const symbols: Record<ChangeAction, string> = { create: '  + create', update: '  ~ update in-place', delete: '  - destroy', replace: '-/+ destroy and then create replacement' };
  for (const action of ['create', 'update', 'delete', 'replace'] as const) {
    if (changes.some((change) => change.action === action)) lines.push(symbols[action]);
  }
  lines.push('', `${tool} will perform the following actions:`, '');
  for (const change of changes) lines.push(...renderChange(change), '');
  const delta = deltaOf(changes);
  lines.push(`Plan: ${delta.addCount} to add, ${delta.changeCount} to change, ${delta.deleteCount} to destroy.`);
  return lines;
}

export function applyingLogs(stack: SeedStack, changes: readonly PlannedChange[]): string[] {
  const lines: string[] = [];
  changes.forEach((change, index) => {
    const address = change.address;
    const id = fakeResourceId(address);
    const seconds = 2 + ((index * 7) % 40);
    if (change.action === 'delete' || change.action === 'replace') {
      lines.push(`${address}: Destroying... [id=${id}]`, `${address}: Destruction complete after ${seconds}s`);
    }
    if (change.action === 'create' || change.action === 'replace') {
      lines.push(`${address}: Creating...`);
      if (seconds > 10) lines.push(`${address}: Still creating... [10s elapsed]`);
      lines.push(`${address}: Creation complete after ${seconds}s [id=${id}]`);
    }
    if (change.action === 'update') {
      lines.push(`${address}: Modifying... [id=${id}]`, `${address}: Modifications complete after ${seconds}s [id=${id}]`);
    }
  });
  const delta = deltaOf(changes);
  lines.push('', `Apply complete! Resources: ${delta.addCount} added, ${delta.changeCount} changed, ${delta.deleteCount} destroyed.`);
  const visibleOutputs = stack.outputs;
  if (visibleOutputs.length > 0) {
    lines.push('', 'Outputs:', '');
    for (const output of visibleOutputs) lines.push(`${output.id} = ${output.sensitive ? '<sensitive>' : output.value ?? ''}`);
  }
  return lines;
}

/** Terraform's boxed error format; details usually start with '' for the blank line under the summary. */
export function errorBox(summary: string, details: string[]): string[] {
  return ['╷', `│ Error: ${summary}`, ...details.map((line) => (line === '' ? '│' : `│ ${line}`)), '╵'];
}
