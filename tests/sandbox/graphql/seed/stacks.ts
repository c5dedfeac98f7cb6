// The stacks of the sandbox account: what they manage, where they live and how they are wired.
// Their runs are in run-specs.ts; a stack's state is derived from its runs by the resolvers.

import { configElement, SEED_SPACE_IDS, SEED_WORKER_POOL_IDS } from './catalog';
import { DAY, HOUR, SEED_EPOCH, seedSha, seedUlid } from './ids';
import type { SeedCommit, SeedResource, SeedStack, SeedStackOutput, SeedVendorConfig } from './types';

const ago = (seconds: number) => SEED_EPOCH - seconds;

export interface Author {
  login: string;
  name: string;
}

export const AUTHORS = {
  marta: { login: 'mkowalski', name: 'Marta Kowalski' },
  priya: { login: 'priya-s', name: 'Priya Shah' },
  john: { login: 'jdoe', name: 'John Doe' },
  tomasz: { login: 'tnowak', name: 'Tomasz Nowak' },
} as const satisfies Record<string, Author>;

export function commitOn(stack: Pick<SeedStack, 'namespace' | 'repository'>, message: string, author: Author, timestamp: number): SeedCommit {
  const hash = seedSha(`${stack.repository}:${message}:${timestamp}`);
  return {
    hash,
    message,
    authorLogin: author.login,
    authorName: author.name,
    timestamp,
    url: `https://github.com/${stack.namespace}/${stack.repository}/commit/${hash}`,
  };
}

/** Resources from addresses; the provider is the type's prefix (aws_vpc -> aws). */
function resources(...addresses: string[]): SeedResource[] {
  return addresses.map((address) => {
    const parts = address.replace(/\[[^\]]*\]$/, '').split('.');
    const name = parts.pop() ?? address;
    const type = parts.pop() ?? address;
    const module = parts.join('.');
    return { address, type, name, provider: type.split('_')[0] ?? type, module };
  });
}

const output = (id: string, value: string | null, description: string | null = null): SeedStackOutput => ({
  id,
  description,
  sensitive: value === null,
  value,
});

const terraform = (version = '1.5.7'): SeedVendorConfig => ({ kind: 'TERRAFORM', version, workspace: null });
const opentofu = (version = '1.8.5'): SeedVendorConfig => ({ kind: 'OPENTOFU', version, workspace: null });

type StackFields = Pick<SeedStack, 'id' | 'description' | 'space' | 'labels' | 'repository' | 'projectRoot' | 'createdAt' | 'vendor'> &
  Partial<Omit<SeedStack, 'trackedCommit' | 'attachedContexts' | 'attachedPolicies' | 'dependsOn'>> & { contexts?: string[]; policies?: string[]; dependsOn?: [stackId: string, references: number][] };

/** Fills the defaults most stacks share; trackedCommit is replaced by the newest tracked run's commit later. */
function stack(fields: StackFields): SeedStack {
  const { contexts = [], policies = [], dependsOn = [], ...rest } = fields;
  const base: Omit<SeedStack, 'trackedCommit'> = {
    name: fields.id,
    administrative: false,
    autodeploy: false,
    autoretry: false,
    provider: 'GITHUB',
    namespace: 'acme-corp',
    branch: 'main',
    workerPoolId: null,
    runnerImage: null,
    isDisabled: false,
    protectFromDeletion: false,
    starred: false,
    lock: null,
    hooks: { beforeInit: [], beforePlan: [], afterApply: [] },
    config: [],
    outputs: [],
    resources: [],
    moduleVersionsUsed: [],
    ...rest,
    attachedContexts: contexts.map((contextId, index) => ({
      id: seedUlid(fields.createdAt + 60, `context-attachment:${fields.id}:${contextId}`),
      contextId,
      priority: index,
      isAutoattached: false,
    })),
    attachedPolicies: policies.map((policyId) => ({ id: seedUlid(fields.createdAt + 60, `policy-attachment:${fields.id}:${policyId}`), policyId })),
    dependsOn: dependsOn.map(([dependsOnStackId, referenceCount]) => ({
      id: seedUlid(fields.createdAt + 120, `dependency:${fields.id}:${dependsOnStackId}`),
      dependsOnStackId,
      referenceCount,
      triggerAlways: false,
    })),
  };
  return { ...base, trackedCommit: commitOn(base, 'Initial commit', AUTHORS.marta, fields.createdAt - HOUR) };
}

export const SEED_STACKS: SeedStack[] = [
  stack({
    id: 'prod-network',
    description: 'Production VPC, subnets and NAT gateways.',
    space: SEED_SPACE_IDS.networking,
    labels: ['env:prod', 'team:networking', 'network'],
    repository: 'infra-live',
    projectRoot: 'stacks/prod/network',
    createdAt: ago(360 * DAY),
    vendor: terraform(),
    protectFromDeletion: true,
    starred: true,
    workerPoolId: SEED_WORKER_POOL_IDS.prodPrivate,
    contexts: ['network-cidrs', 'prod-aws', 'aws-shared'],
    policies: ['prod-plan-guardrails', 'network-change-approval', 'push-main-only'],
    resources: resources(
      'module.vpc.aws_vpc.this',
      'module.vpc.aws_subnet.private[0]',
      'module.vpc.aws_subnet.private[1]',
      'module.vpc.aws_subnet.private[2]',
      'module.vpc.aws_subnet.public[0]',
      'module.vpc.aws_subnet.public[1]',
      'module.vpc.aws_nat_gateway.this[0]',
      'module.vpc.aws_nat_gateway.this[1]',
      'module.vpc.aws_route_table.private[0]',
    ),
    outputs: [
      output('vpc_id', '"vpc-0c3b1f6e9a2d47781"', 'The production VPC.'),
      output('private_subnet_ids', '["subnet-01a4c2","subnet-0b7d31","subnet-0e95f0"]'),
    ],
    moduleVersionsUsed: [{ moduleId: 'terraform-aws-vpc', number: '5.1.2' }],
  }),
  stack({
    id: 'staging-network',
    description: 'Staging VPC.',
    space: SEED_SPACE_IDS.networking,
    labels: ['env:staging', 'team:networking', 'network'],
    repository: 'infra-live',
    projectRoot: 'stacks/staging/network',
    createdAt: ago(355 * DAY),
    vendor: terraform(),
    autodeploy: true,
    contexts: ['network-cidrs', 'staging-aws', 'aws-shared'],
    policies: ['push-main-only'],
    resources: resources(
      'module.vpc.aws_vpc.this',
      'module.vpc.aws_subnet.private[0]',
      'module.vpc.aws_subnet.private[1]',
      'module.vpc.aws_subnet.public[0]',
      'module.vpc.aws_nat_gateway.this[0]',
    ),
    outputs: [output('vpc_id', '"vpc-07aa9e01c4f2b3d65"')],
    moduleVersionsUsed: [{ moduleId: 'terraform-aws-vpc', number: '5.1.1' }],
  }),
  stack({
    id: 'prod-eks',
    description: 'Production EKS cluster, node groups and Karpenter.',
    space: SEED_SPACE_IDS.platform,
    labels: ['env:prod', 'team:platform', 'k8s'],
    repository: 'infra-live',
    projectRoot: 'stacks/prod/eks',
    createdAt: ago(340 * DAY),
    vendor: terraform(),
    protectFromDeletion: true,
    starred: true,
    workerPoolId: SEED_WORKER_POOL_IDS.prodPrivate,
    contexts: ['prod-aws', 'aws-shared'],
    policies: ['prod-plan-guardrails', 'prod-two-approvals', 'push-main-only', 'trigger-dependents'],
    dependsOn: [['prod-network', 2]],
    hooks: { beforeInit: ['aws sts get-caller-identity'], beforePlan: [], afterApply: [] },
    resources: resources(
      'aws_iam_role.cluster',
      'aws_iam_role.nodes',
      'aws_security_group.cluster',
      'aws_eks_cluster.main',
      'aws_eks_node_group.system',
      'aws_eks_node_group.workloads',
      'helm_release.karpenter',
    ),
    outputs: [
      output('cluster_name', '"prod-eks"'),
      output('cluster_endpoint', '"https://4F1C2B7E.gr7.eu-west-1.eks.amazonaws.com"'),
      output('cluster_ca_certificate', null),
    ],
    moduleVersionsUsed: [{ moduleId: 'terraform-aws-eks-cluster', number: '3.4.0' }],
  }),
  stack({
    id: 'prod-app',
    description: 'Production application releases on EKS (Helm).',
    space: SEED_SPACE_IDS.platform,
    labels: ['env:prod', 'team:platform', 'app'],
    repository: 'app-deploy',
    projectRoot: 'environments/prod',
    createdAt: ago(300 * DAY),
    vendor: opentofu(),
    workerPoolId: SEED_WORKER_POOL_IDS.prodPrivate,
    contexts: ['prod-aws', 'aws-shared'],
    policies: ['prod-two-approvals', 'push-main-only'],
    dependsOn: [['prod-eks', 1]],
    resources: resources('kubernetes_namespace.apps', 'helm_release.checkout', 'helm_release.payments', 'helm_release.frontend'),
    outputs: [output('checkout_url', '"https://shop.acme.example/checkout"')],
  }),
  stack({
    id: 'prod-rds',
    description: 'Production PostgreSQL on RDS.',
    space: SEED_SPACE_IDS.platform,
    labels: ['env:prod', 'team:platform', 'database'],
    repository: 'infra-live',
    projectRoot: 'stacks/prod/rds',
    createdAt: ago(330 * DAY),
    vendor: opentofu(),
    protectFromDeletion: true,
    workerPoolId: SEED_WORKER_POOL_IDS.prodPrivate,
    contexts: ['prod-aws', 'aws-shared'],
    policies: ['prod-plan-guardrails', 'prod-two-approvals', 'push-main-only'],
    dependsOn: [['prod-network', 2]],
    resources: resources(
      'aws_security_group.db',
      'module.db.aws_db_subnet_group.main',
      'module.db.aws_db_parameter_group.main',
      'module.db.aws_db_instance.main',
      'module.db.aws_cloudwatch_metric_alarm.cpu',
    ),
    outputs: [output('endpoint', '"prod-main.c9x2kq1v.eu-west-1.rds.amazonaws.com:5432"'), output('master_password', null)],
    moduleVersionsUsed: [{ moduleId: 'terraform-aws-rds-postgres', number: '2.0.1' }],
  }),
  stack({
    id: 'staging-eks',
    description: 'Staging EKS cluster.',
    space: SEED_SPACE_IDS.platform,
    labels: ['env:staging', 'team:platform', 'k8s'],
    repository: 'infra-live',
    projectRoot: 'stacks/staging/eks',
    createdAt: ago(320 * DAY),
    vendor: terraform(),
    autodeploy: true,
    contexts: ['staging-aws', 'aws-shared'],
    policies: ['push-main-only'],
    dependsOn: [['staging-network', 2]],
    resources: resources('aws_iam_role.cluster', 'aws_iam_role.nodes', 'aws_eks_cluster.main', 'aws_eks_node_group.default'),
    outputs: [output('cluster_name', '"staging-eks"')],
    moduleVersionsUsed: [{ moduleId: 'terraform-aws-eks-cluster', number: '3.3.1' }],
  }),
  stack({
    id: 'staging-app',
    description: 'Staging application releases, deployed on every merge.',
    space: SEED_SPACE_IDS.platform,
    labels: ['env:staging', 'team:platform', 'app'],
    repository: 'app-deploy',
    projectRoot: 'environments/staging',
    createdAt: ago(290 * DAY),
    vendor: opentofu(),
    autodeploy: true,
    autoretry: true,
    workerPoolId: SEED_WORKER_POOL_IDS.prodPrivate,
    contexts: ['staging-aws', 'aws-shared'],
    policies: ['push-main-only'],
    dependsOn: [['staging-eks', 1]],
    resources: resources('kubernetes_namespace.apps', 'helm_release.checkout', 'helm_release.payments'),
  }),
  stack({
    id: 'prod-monitoring',
    description: 'Datadog monitors and dashboards for production.',
    space: SEED_SPACE_IDS.platform,
    labels: ['env:prod', 'team:platform', 'observability'],
    repository: 'infra-live',
    projectRoot: 'stacks/prod/monitoring',
    createdAt: ago(200 * DAY),
    vendor: terraform(),
    workerPoolId: SEED_WORKER_POOL_IDS.prodPrivate,
    contexts: ['aws-shared'],
    policies: ['push-main-only'],
    resources: resources('datadog_monitor.api_latency', 'datadog_monitor.error_rate', 'datadog_dashboard.platform_overview'),
  }),
  stack({
    id: 'prod-dns',
    description: 'Public Route 53 zones and records.',
    space: SEED_SPACE_IDS.platform,
    labels: ['env:prod', 'team:platform', 'dns'],
    repository: 'infra-live',
    projectRoot: 'stacks/prod/dns',
    createdAt: ago(350 * DAY),
    vendor: terraform(),
    contexts: ['prod-aws', 'aws-shared'],
    policies: ['prod-plan-guardrails'],
    lock: { by: 'ada.admin', at: ago(1 * DAY), note: 'Moving the zones to the new DNS account; please do not run.' },
    resources: resources('aws_route53_zone.public', 'aws_route53_record.apex', 'aws_route53_record.www', 'aws_route53_record.api'),
    outputs: [output('zone_id', '"Z0123456789ABCDEFGHIJ"')],
  }),
  stack({
    id: 'dev-sandbox',
    description: 'Shared developer playground; anything goes.',
    space: SEED_SPACE_IDS.dev,
    labels: ['env:dev', 'playground'],
    repository: 'infra-live',
    projectRoot: 'stacks/dev/sandbox',
    createdAt: ago(150 * DAY),
    vendor: opentofu('1.9.0'),
    autodeploy: true,
    workerPoolId: SEED_WORKER_POOL_IDS.dev,
    contexts: ['dev-defaults'],
    policies: ['dev-cost-warning', 'dev-ignore-docs'],
    resources: resources('random_pet.suffix', 'aws_s3_bucket.scratch', 'aws_instance.bastion'),
    outputs: [output('bastion_ip', '"10.30.4.17"')],
  }),
  stack({
    id: 'dev-app',
    description: 'Development deployment of the web app on ECS.',
    space: SEED_SPACE_IDS.dev,
    labels: ['env:dev', 'app'],
    repository: 'app-deploy',
    projectRoot: 'environments/dev',
    createdAt: ago(140 * DAY),
    vendor: terraform(),
    workerPoolId: SEED_WORKER_POOL_IDS.dev,
    contexts: ['dev-defaults', 'dev-app-secrets'],
    policies: ['dev-cost-warning', 'dev-ignore-docs'],
    config: [configElement('TF_VAR_image_tag', 'web-2025.12.30-1', { description: 'Container image deployed by default.' })],
    resources: resources('aws_lb_target_group.web', 'aws_ecs_task_definition.web', 'aws_ecs_service.web', 'aws_db_instance.app'),
  }),
  stack({
    id: 'dev-preview-envs',
    description: 'Static hosting for pull request previews.',
    space: SEED_SPACE_IDS.dev,
    labels: ['env:dev', 'previews'],
    repository: 'infra-live',
    projectRoot: 'stacks/dev/previews',
    createdAt: ago(5 * DAY - HOUR),
    vendor: terraform(),
    contexts: ['dev-defaults'],
    policies: ['dev-cost-warning'],
    resources: resources('aws_s3_bucket.previews', 'aws_cloudfront_distribution.previews'),
  }),
  stack({
    id: 'dev-lambda-playground',
    description: 'Pulumi experiments with Lambda; not run yet.',
    space: SEED_SPACE_IDS.dev,
    labels: ['env:dev', 'pulumi', 'experiment'],
    repository: 'lambda-playground',
    projectRoot: '',
    createdAt: ago(2 * DAY),
    vendor: { kind: 'PULUMI', loginURL: 's3://acme-pulumi-state', stackName: 'dev' },
    contexts: ['dev-defaults'],
  }),
  stack({
    id: 'spacelift-admin',
    name: 'spacelift-admin',
    description: 'Manages spaces, stacks and policies as code.',
    space: SEED_SPACE_IDS.root,
    labels: ['administrative', 'team:platform'],
    repository: 'spacelift-config',
    projectRoot: '',
    createdAt: ago(410 * DAY),
    vendor: terraform(),
    administrative: true,
    protectFromDeletion: true,
    policies: ['push-main-only'],
    resources: resources(
      'spacelift_space.platform',
      'spacelift_space.networking',
      'spacelift_space.dev',
      'spacelift_stack.prod_network',
      'spacelift_stack.prod_eks',
      'spacelift_stack.dev_preview_envs',
      'spacelift_policy.prod_plan_guardrails',
    ),
  }),
  stack({
    id: 'account-baseline',
    description: 'Organization-wide IAM, CloudTrail and region guardrails.',
    space: SEED_SPACE_IDS.root,
    labels: ['security', 'aws'],
    repository: 'infra-live',
    projectRoot: 'stacks/global/baseline',
    createdAt: ago(400 * DAY),
    vendor: terraform(),
    protectFromDeletion: true,
    contexts: ['aws-shared'],
    resources: resources(
      'aws_cloudtrail.org',
      'aws_iam_account_password_policy.strict',
      'aws_iam_role.breakglass',
      'aws_organizations_policy.deny_regions',
    ),
  }),
];
