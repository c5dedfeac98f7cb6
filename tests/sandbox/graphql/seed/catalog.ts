// Spaces, worker pools, contexts, policies and modules of the sandbox account "acme-corp".

import { DAY, SEED_EPOCH, seedSha, seedSpaceId, seedUlid } from './ids';
import type { SeedConfigElement, SeedContext, SeedModule, SeedPolicy, SeedSpace, SeedWorkerPool } from './types';

const ago = (seconds: number) => SEED_EPOCH - seconds;

export const SEED_SPACE_IDS = {
  root: 'root',
  platform: seedSpaceId('platform', ago(400 * DAY)),
  networking: seedSpaceId('networking', ago(380 * DAY)),
  dev: seedSpaceId('dev', ago(390 * DAY)),
} as const;

export const SEED_SPACES: SeedSpace[] = [
  {
    id: SEED_SPACE_IDS.root,
    name: 'root',
    description: 'Top of the account; its admins administer everything.',
    parentSpace: null,
    inheritEntities: false,
    labels: [],
    createdAt: ago(420 * DAY),
  },
  {
    id: SEED_SPACE_IDS.platform,
    name: 'platform',
    description: 'Production and staging infrastructure run by the platform team.',
    parentSpace: SEED_SPACE_IDS.root,
    inheritEntities: true,
    labels: ['team:platform'],
    createdAt: ago(400 * DAY),
  },
  {
    id: SEED_SPACE_IDS.networking,
    name: 'networking',
    description: 'VPCs and shared network plumbing, owned by the network engineers.',
    parentSpace: SEED_SPACE_IDS.platform,
    inheritEntities: true,
    labels: ['team:networking'],
    createdAt: ago(380 * DAY),
  },
  {
    id: SEED_SPACE_IDS.dev,
    name: 'dev',
    description: 'Developer playgrounds and the development environment.',
    parentSpace: SEED_SPACE_IDS.root,
    inheritEntities: true,
    labels: ['env:dev'],
    createdAt: ago(390 * DAY),
  },
];

export const SEED_WORKER_POOL_IDS = {
  prodPrivate: seedUlid(ago(300 * DAY), 'worker-pool:prod-private'),
  dev: seedUlid(ago(200 * DAY), 'worker-pool:dev'),
} as const;

const worker = (label: string, busy: boolean, drained = false) => ({ id: seedUlid(ago(3 * DAY), `worker:${label}`), busy, drained });

export const SEED_WORKER_POOLS: SeedWorkerPool[] = [
  {
    id: SEED_WORKER_POOL_IDS.prodPrivate,
    name: 'prod-private-workers',
    description: 'Workers inside the production VPC, with access to private endpoints.',
    labels: ['env:prod', 'k8s-controller'],
    space: SEED_SPACE_IDS.platform,
    createdAt: ago(300 * DAY),
    updatedAt: ago(12 * DAY),
    workers: [worker('prod-1', true), worker('prod-2', true), worker('prod-3', false)],
    pendingRuns: 1,
    driftDetectionRunLimit: 2,
  },
  {
    id: SEED_WORKER_POOL_IDS.dev,
    name: 'dev-workers',
    description: 'Cheap spot-instance workers for the dev space.',
    labels: ['env:dev', 'spot'],
    space: SEED_SPACE_IDS.dev,
    createdAt: ago(200 * DAY),
    updatedAt: ago(30 * DAY),
    workers: [worker('dev-1', false), worker('dev-2', false, true)],
    pendingRuns: 0,
    driftDetectionRunLimit: null,
  },
];

/** Builds a config element; secrets keep no value at all, only a checksum. */
export function configElement(id: string, value: string, options: { secret?: boolean; file?: boolean; description?: string } = {}): SeedConfigElement {
  return {
    id,
    type: options.file ? 'FILE_MOUNT' : 'ENVIRONMENT_VARIABLE',
    value: options.secret ? null : value,
    writeOnly: options.secret ?? false,
    description: options.description ?? null,
    checksum: seedSha(`checksum:${id}:${value}`) + seedSha(`checksum2:${id}:${value}`).slice(0, 24),
    createdAt: ago(90 * DAY),
  };
}

export const SEED_CONTEXTS: SeedContext[] = [
  {
    id: 'aws-shared',
    name: 'aws-shared',
    description: 'Settings every AWS stack of the organization needs.',
    labels: ['aws'],
    space: SEED_SPACE_IDS.root,
    createdAt: ago(410 * DAY),
    updatedAt: ago(60 * DAY),
    config: [
      configElement('AWS_DEFAULT_REGION', 'eu-west-1'),
      configElement('TF_VAR_organization', 'acme-corp'),
      configElement('DATADOG_API_KEY', 'dd-api-key-not-shown', { secret: true, description: 'Used by the Datadog provider.' }),
    ],
  },
  {
    id: 'prod-aws',
    name: 'prod-aws',
    description: 'Production AWS account and shared variables.',
    labels: ['env:prod', 'aws'],
    space: SEED_SPACE_IDS.platform,
    createdAt: ago(350 * DAY),
    updatedAt: ago(20 * DAY),
    config: [
      configElement('TF_VAR_environment', 'prod'),
      configElement('TF_VAR_aws_account_id', '123456789012'),
      configElement('AWS_ROLE_ARN', 'arn:aws:iam::123456789012:role/spacelift-prod'),
      configElement('TF_VAR_db_password', 'prod-db-password-not-shown', { secret: true }),
      configElement('ca/internal-ca.pem', '-----BEGIN CERTIFICATE-----\nMIIB...sandbox...\n-----END CERTIFICATE-----', {
        file: true,
        description: 'Internal CA bundle mounted for the Helm provider.',
      }),
    ],
  },
  {
    id: 'staging-aws',
    name: 'staging-aws',
    description: 'Staging AWS account and shared variables.',
    labels: ['env:staging', 'aws'],
    space: SEED_SPACE_IDS.platform,
    createdAt: ago(340 * DAY),
    updatedAt: ago(45 * DAY),
    config: [
      configElement('TF_VAR_environment', 'staging'),
      configElement('TF_VAR_aws_account_id', '210987654321'),
      configElement('AWS_ROLE_ARN', 'arn:aws:iam::210987654321:role/spacelift-staging'),
      configElement('TF_VAR_db_password', 'staging-db-password-not-shown', { secret: true }),
    ],
  },
  {
    id: 'network-cidrs',
    name: 'network-cidrs',
    description: 'Address plan shared by the VPC stacks.',
    labels: ['network'],
    space: SEED_SPACE_IDS.networking,
    createdAt: ago(370 * DAY),
    updatedAt: ago(100 * DAY),
    config: [
      configElement('TF_VAR_prod_vpc_cidr', '10.10.0.0/16'),
      configElement('TF_VAR_staging_vpc_cidr', '10.20.0.0/16'),
      configElement('TF_VAR_availability_zones', '["eu-west-1a","eu-west-1b","eu-west-1c"]'),
    ],
  },
  {
    id: 'dev-defaults',
    name: 'dev-defaults',
    description: 'Defaults for development stacks.',
    labels: ['env:dev'],
    space: SEED_SPACE_IDS.dev,
    createdAt: ago(190 * DAY),
    updatedAt: ago(15 * DAY),
    config: [
      configElement('TF_VAR_environment', 'dev'),
      configElement('TF_VAR_aws_account_id', '345678901234'),
      configElement('TF_VAR_instance_type', 't3.small'),
    ],
  },
  {
    id: 'dev-app-secrets',
    name: 'dev-app-secrets',
    description: 'Secrets of the development web app.',
    labels: ['env:dev', 'secrets'],
    space: SEED_SPACE_IDS.dev,
    createdAt: ago(120 * DAY),
    updatedAt: ago(2 * DAY),
    config: [
      configElement('TF_VAR_api_token', 'dev-api-token-not-shown', { secret: true }),
      configElement('config/app.env', 'SESSION_SECRET=not-shown', { secret: true, file: true }),
    ],
  },
];

const rego = (...lines: string[]) => ['package spacelift', '', 'import rego.v1', '', ...lines, ''].join('\n');

const policy = (fields: Omit<SeedPolicy, 'engineType' | 'createdAt' | 'updatedAt'> & { ageDays: number }): SeedPolicy => {
  const { ageDays, ...rest } = fields;
  return { ...rest, engineType: 'REGO_V1', createdAt: ago(ageDays * DAY), updatedAt: ago(Math.floor(ageDays / 3) * DAY) };
};

export const SEED_POLICIES: SeedPolicy[] = [
  policy({
    id: 'login-sso-only',
    name: 'login-sso-only',
    description: 'Only engineers from the identity provider may log in.',
    type: 'LOGIN',
    labels: ['security'],
    space: SEED_SPACE_IDS.root,
    ageDays: 400,
    body: rego(
      'allow if "engineering" in input.session.teams',
      '',
      'admin if "platform-admins" in input.session.teams',
      '',
      'deny if not input.session.teams',
    ),
  }),
  policy({
    id: 'notify-failed-runs-slack',
    name: 'notify-failed-runs-slack',
    description: 'Posts failed tracked runs to #infra-alerts.',
    type: 'NOTIFICATION',
    labels: ['slack'],
    space: SEED_SPACE_IDS.root,
    ageDays: 250,
    body: rego(
      'slack contains {"channel_id": "C0INFRAALERTS", "message": message} if {',
      '\trun := input.run_updated.run',
      '\trun.type == "TRACKED"',
      '\trun.state == "FAILED"',
      '\tmessage := sprintf("Run %s on %s failed", [run.id, input.run_updated.stack.id])',
      '}',
    ),
  }),
  policy({
    id: 'prod-plan-guardrails',
    name: 'prod-plan-guardrails',
    description: 'Blocks destroying databases and flags very large plans.',
    type: 'PLAN',
    labels: ['env:prod', 'guardrail'],
    space: SEED_SPACE_IDS.platform,
    ageDays: 300,
    body: rego(
      'deny contains sprintf("%s would be destroyed; databases must not be replaced by a run", [change.address]) if {',
      '\tsome change in input.terraform.resource_changes',
      '\tchange.type == "aws_db_instance"',
      '\t"delete" in change.change.actions',
      '}',
      '',
      'warn contains sprintf("Large plan: %d resource changes", [count(input.terraform.resource_changes)]) if {',
      '\tcount(input.terraform.resource_changes) > 10',
      '}',
    ),
  }),
  policy({
    id: 'prod-two-approvals',
    name: 'prod-two-approvals',
    description: 'Production runs need two approvals and no rejection.',
    type: 'APPROVAL',
    labels: ['env:prod'],
    space: SEED_SPACE_IDS.platform,
    ageDays: 280,
    body: rego(
      'approve if count(input.reviews.current.approvals) >= 2',
      '',
      'reject if count(input.reviews.current.rejections) > 0',
    ),
  }),
  policy({
    id: 'push-main-only',
    name: 'push-main-only',
    description: 'Tracks pushes to main, proposes on pull requests, ignores docs-only changes.',
    type: 'GIT_PUSH',
    labels: ['vcs'],
    space: SEED_SPACE_IDS.platform,
    ageDays: 320,
    body: rego(
      'track if input.push.branch == input.stack.branch',
      '',
      'propose if input.pull_request.id',
      '',
      'ignore if {',
      '\tevery file in input.push.affected_files {',
      '\t\tendswith(file, ".md")',
      '\t}',
      '}',
    ),
  }),
  policy({
    id: 'trigger-dependents',
    name: 'trigger-dependents',
    description: 'Re-runs stacks labelled depends-on:<stack> after that stack finishes.',
    type: 'TRIGGER',
    labels: ['automation'],
    space: SEED_SPACE_IDS.platform,
    ageDays: 200,
    body: rego(
      'trigger contains stack.id if {',
      '\tinput.run.state == "FINISHED"',
      '\tinput.run.type == "TRACKED"',
      '\tsome stack in input.stacks',
      '\tsprintf("depends-on:%s", [input.stack.id]) in stack.labels',
      '}',
    ),
  }),
  policy({
    id: 'network-change-approval',
    name: 'network-change-approval',
    description: 'A network engineer must approve changes to VPC stacks.',
    type: 'APPROVAL',
    labels: ['network'],
    space: SEED_SPACE_IDS.networking,
    ageDays: 150,
    body: rego(
      'approve if {',
      '\tsome review in input.reviews.current.approvals',
      '\t"network-engineers" in review.session.teams',
      '}',
    ),
  }),
  policy({
    id: 'dev-cost-warning',
    name: 'dev-cost-warning',
    description: 'Warns when a dev plan adds many resources at once.',
    type: 'PLAN',
    labels: ['env:dev', 'cost'],
    space: SEED_SPACE_IDS.dev,
    ageDays: 90,
    body: rego(
      'warn contains sprintf("This plan creates %d resources in dev; is that intended?", [count(created)]) if {',
      '\tcount(created) > 5',
      '}',
      '',
      'created := [change | some change in input.terraform.resource_changes; "create" in change.change.actions]',
    ),
  }),
  policy({
    id: 'dev-ignore-docs',
    name: 'dev-ignore-docs',
    description: 'Skips runs for commits that only touch documentation.',
    type: 'GIT_PUSH',
    labels: ['env:dev', 'vcs'],
    space: SEED_SPACE_IDS.dev,
    ageDays: 80,
    body: rego(
      'track if input.push.branch == input.stack.branch',
      '',
      'ignore if {',
      '\tevery file in input.push.affected_files {',
      '\t\tstartswith(file, "docs/")',
      '\t}',
      '}',
    ),
  }),
];

const versions = (moduleId: string, entries: [number: string, state: 'ACTIVE' | 'FAILED', yanked: boolean, ageDays: number][]) =>
  entries.map(([number, state, yanked, ageDays]) => ({ id: seedUlid(ago(ageDays * DAY), `version:${moduleId}:${number}`), number, state, yanked }));

const module = (fields: Omit<SeedModule, 'id' | 'provider' | 'namespace' | 'branch' | 'administrative' | 'isDisabled' | 'workerPoolId'>): SeedModule => {
  const id = `terraform-${fields.terraformProvider}-${fields.name}`;
  return { id, provider: 'GITHUB', namespace: 'acme-corp', branch: 'main', administrative: false, isDisabled: false, workerPoolId: null, ...fields };
};

export const SEED_MODULES: SeedModule[] = [
  module({
    name: 'vpc',
    terraformProvider: 'aws',
    repository: 'terraform-aws-vpc',
    projectRoot: '',
    space: SEED_SPACE_IDS.networking,
    description: 'Opinionated VPC with private, public and database subnets.',
    labels: ['network', 'aws'],
    createdAt: ago(360 * DAY),
    versions: versions('terraform-aws-vpc', [
      ['5.1.2', 'ACTIVE', false, 20],
      ['5.1.1', 'ACTIVE', false, 64],
      ['5.0.0', 'ACTIVE', false, 150],
    ]),
  }),
  module({
    name: 'eks-cluster',
    terraformProvider: 'aws',
    repository: 'terraform-aws-eks-cluster',
    projectRoot: '',
    space: SEED_SPACE_IDS.platform,
    description: 'EKS control plane, managed node groups and IRSA roles.',
    labels: ['k8s', 'aws'],
    createdAt: ago(330 * DAY),
    versions: versions('terraform-aws-eks-cluster', [
      ['3.4.0', 'ACTIVE', false, 14],
      ['3.3.1', 'ACTIVE', false, 40],
      ['3.3.0', 'ACTIVE', true, 45],
    ]),
  }),
  module({
    name: 'rds-postgres',
    terraformProvider: 'aws',
    repository: 'terraform-aws-rds-postgres',
    projectRoot: 'modules/rds-postgres',
    space: SEED_SPACE_IDS.platform,
    description: 'PostgreSQL on RDS with parameter groups, backups and alarms.',
    labels: ['database', 'aws'],
    createdAt: ago(310 * DAY),
    versions: versions('terraform-aws-rds-postgres', [
      ['2.0.1', 'ACTIVE', false, 33],
      ['2.0.0', 'ACTIVE', false, 70],
    ]),
  }),
  module({
    name: 'lambda-service',
    terraformProvider: 'aws',
    repository: 'terraform-aws-lambda-service',
    projectRoot: '',
    space: SEED_SPACE_IDS.dev,
    description: 'A Lambda function behind an HTTP API, with logs and alarms.',
    labels: ['serverless', 'aws'],
    createdAt: ago(100 * DAY),
    versions: versions('terraform-aws-lambda-service', [
      ['0.4.0', 'FAILED', false, 3],
      ['0.3.0', 'ACTIVE', false, 25],
    ]),
  }),
];
