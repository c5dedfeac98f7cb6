// The runs of every seeded stack, oldest first, as scenarios (see runs.ts for how they expand).

import { DAY, HOUR, MINUTE, SEED_EPOCH } from './ids';
import { errorBox, type PlannedChange } from './logs';
import type { RunScenario, RunSpec } from './runs';
import { AUTHORS, commitOn, SEED_STACKS, type Author } from './stacks';
import type { RunType, SeedRun } from './types';

const ago = (seconds: number) => SEED_EPOCH - seconds;

const create = (address: string, attributes: Record<string, string> = {}): PlannedChange => ({ address, action: 'create', attributes });
const update = (address: string, attributes: Record<string, string>): PlannedChange => ({ address, action: 'update', attributes });
const replace = (address: string, attributes: Record<string, string>): PlannedChange => ({ address, action: 'replace', attributes });

interface RunLine {
  key: string;
  at: number;
  message: string;
  author: Author;
  scenario: RunScenario;
  changes?: PlannedChange[];
  type?: RunType;
  branch?: string;
  triggeredBy?: string | null;
  driftDetection?: boolean;
  comments?: SeedRun['comments'];
}

function runsOf(stackId: string, lines: RunLine[]): RunSpec[] {
  const stack = SEED_STACKS.find((candidate) => candidate.id === stackId);
  if (!stack) throw new Error(`seed: unknown stack ${stackId}`);
  return lines.map((line) => ({
    key: line.key,
    stack,
    type: line.type,
    createdAt: line.at,
    commit: commitOn(stack, line.message, line.author, line.at - 90),
    branch: line.branch,
    triggeredBy: line.triggeredBy ?? null,
    changes: line.changes,
    scenario: line.scenario,
    driftDetection: line.driftDetection,
    comments: line.comments,
  }));
}

const finished: RunScenario = { kind: 'finished' };

export const SEED_RUN_SPECS: RunSpec[] = [
  ...runsOf('prod-network', [
    {
      key: 'prodNetworkKarpenterTags',
      at: ago(21 * DAY),
      message: 'Tag private subnets for Karpenter discovery',
      author: AUTHORS.tomasz,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [0, 1, 2].map((index) =>
        update(`module.vpc.aws_subnet.private[${index}]`, { 'tags."karpenter.sh/discovery"': 'null -> "prod-eks"' }),
      ),
    },
    {
      key: 'prodNetworkSecondNat',
      at: ago(6 * DAY),
      message: 'Add a second NAT gateway for zone redundancy',
      author: AUTHORS.tomasz,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [create('module.vpc.aws_nat_gateway.this[1]', { allocation_id: '"eipalloc-0f4e2c19a7b3"', subnet_id: '"subnet-0b7d31"', id: '(known after apply)' })],
    },
    {
      key: 'prodNetworkFlowLogsProposed',
      at: ago(2 * DAY),
      type: 'PROPOSED',
      branch: 'feature/vpc-flow-logs',
      message: 'Enable VPC flow logs',
      author: AUTHORS.priya,
      scenario: finished,
      changes: [
        create('aws_cloudwatch_log_group.flow_logs', { name: '"/vpc/prod/flow-logs"', retention_in_days: '30' }),
        create('aws_flow_log.vpc', { traffic_type: '"ALL"', vpc_id: '"vpc-0c3b1f6e9a2d47781"' }),
      ],
    },
  ]),
  ...runsOf('staging-network', [
    {
      key: 'stagingNetworkSecondSubnet',
      at: ago(15 * DAY),
      message: 'Add a second private subnet',
      author: AUTHORS.tomasz,
      scenario: finished,
      changes: [create('module.vpc.aws_subnet.private[1]', { cidr_block: '"10.20.2.0/24"', availability_zone: '"eu-west-1b"' })],
    },
    { key: 'stagingNetworkNoChanges', at: ago(3 * DAY), message: 'Bump the vpc module to 5.1.1', author: AUTHORS.tomasz, scenario: finished },
    {
      key: 'stagingNetworkDriftCheck',
      at: ago(1 * DAY),
      type: 'PROPOSED',
      message: 'Bump the vpc module to 5.1.1',
      author: AUTHORS.tomasz,
      scenario: finished,
      driftDetection: true,
    },
  ]),
  ...runsOf('prod-eks', [
    {
      key: 'prodEksUpgrade130',
      at: ago(12 * DAY),
      message: 'Upgrade the cluster to Kubernetes 1.30',
      author: AUTHORS.marta,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [
        update('aws_eks_cluster.main', { version: '"1.29" -> "1.30"' }),
        update('aws_eks_node_group.system', { version: '"1.29" -> "1.30"' }),
        update('aws_eks_node_group.workloads', { version: '"1.29" -> "1.30"' }),
      ],
    },
    {
      key: 'prodEksStateList',
      at: ago(5 * DAY),
      message: 'Upgrade the cluster to Kubernetes 1.30',
      author: AUTHORS.marta,
      triggeredBy: 'ada.admin',
      scenario: {
        kind: 'task',
        command: 'terraform state list',
        output: [
          'aws_eks_cluster.main',
          'aws_eks_node_group.system',
          'aws_eks_node_group.workloads',
          'aws_iam_role.cluster',
          'aws_iam_role.nodes',
          'aws_security_group.cluster',
          'helm_release.karpenter',
        ],
      },
    },
    {
      key: 'prodEksAccessDenied',
      at: ago(26 * HOUR),
      message: 'Scale the workloads node group to 5 nodes',
      author: AUTHORS.marta,
      scenario: {
        kind: 'failed',
        phase: 'PLANNING',
        error: errorBox(
          'reading EKS Node Group (prod-eks:system): operation error EKS: DescribeNodegroup, https response error StatusCode: 403, RequestID: 6f1c2a4e-93d8-4b7a-a1f0-2c5e8d7b9a31, api error AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/spacelift-prod/prod-eks is not authorized to perform: eks:DescribeNodegroup on resource: arn:aws:eks:eu-west-1:123456789012:nodegroup/prod-eks/system/9ec4f1d2-7b3a-4c8e-b5d6-1a2f3e4d5c6b',
          ['', 'with aws_eks_node_group.system,', 'on node_groups.tf line 1, in resource "aws_eks_node_group" "system":', '   1: resource "aws_eks_node_group" "system" {', ''],
        ),
      },
      changes: [update('aws_eks_node_group.workloads', { 'scaling_config.desired_size': '3 -> 5' })],
      comments: [
        {
          body: 'The spacelift-prod role lost eks:Describe* in yesterday\'s IAM clean-up, I think.',
          createdAt: ago(25 * HOUR),
          username: 'priya-s',
        },
      ],
    },
  ]),
  ...runsOf('prod-app', [
    {
      key: 'prodAppPayments192',
      at: ago(9 * DAY),
      message: 'Release payments-service 1.9.2',
      author: AUTHORS.john,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [update('helm_release.payments', { version: '"1.8.0" -> "1.9.2"' })],
    },
    {
      key: 'prodAppCheckoutProposed',
      at: ago(3 * DAY),
      type: 'PROPOSED',
      branch: 'feat/checkout-v2',
      message: 'Roll out checkout-service v2.14.0 with its worker',
      author: AUTHORS.john,
      scenario: finished,
      changes: checkoutV2Changes(),
    },
    {
      key: 'prodAppCheckoutUnconfirmed',
      at: ago(40 * MINUTE),
      message: 'Roll out checkout-service v2.14.0 with its worker',
      author: AUTHORS.john,
      scenario: { kind: 'unconfirmed' },
      changes: checkoutV2Changes(),
    },
  ]),
  ...runsOf('prod-rds', [
    {
      key: 'prodRdsDeniedByPolicy',
      at: ago(8 * DAY),
      message: 'Rename the main database instance',
      author: AUTHORS.priya,
      scenario: {
        kind: 'failed',
        phase: 'PLANNING',
        planOutput: 'full',
        note: 'Denied by plan policy prod-plan-guardrails',
        error: [
          'Evaluating plan policies...',
          'Policy prod-plan-guardrails: 1 deny, 0 warn',
          '  deny: module.db.aws_db_instance.main would be destroyed; databases must not be replaced by a run',
          'The run was rejected by a plan policy.',
        ],
      },
      changes: [replace('module.db.aws_db_instance.main', { identifier: '"prod-main" -> "prod-main-v2"' })],
    },
    {
      key: 'prodRdsDiscarded',
      at: ago(6 * DAY),
      message: 'Raise max_connections',
      author: AUTHORS.priya,
      scenario: { kind: 'discarded', by: 'ada.admin', note: 'Wrong value, 4000 would exhaust memory.' },
      changes: [update('module.db.aws_db_parameter_group.main', { 'parameter["max_connections"].value': '"400" -> "4000"' })],
    },
    {
      key: 'prodRdsMaxConnections',
      at: ago(4 * DAY),
      message: 'Raise max_connections to 800',
      author: AUTHORS.priya,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [update('module.db.aws_db_parameter_group.main', { 'parameter["max_connections"].value': '"400" -> "800"' })],
    },
  ]),
  ...runsOf('staging-eks', [
    {
      key: 'stagingEksUpgrade130',
      at: ago(10 * DAY),
      message: 'Upgrade staging to Kubernetes 1.30',
      author: AUTHORS.marta,
      scenario: finished,
      changes: [update('aws_eks_cluster.main', { version: '"1.29" -> "1.30"' }), update('aws_eks_node_group.default', { version: '"1.29" -> "1.30"' })],
    },
    {
      key: 'stagingEksCanceled',
      at: ago(2 * DAY),
      message: 'Scale staging nodes to 3',
      author: AUTHORS.marta,
      triggeredBy: 'ada.admin',
      scenario: { kind: 'canceled', by: 'ada.admin' },
    },
    {
      key: 'stagingEksScale',
      at: ago(2 * DAY - HOUR),
      message: 'Scale staging nodes to 3',
      author: AUTHORS.marta,
      scenario: finished,
      changes: [update('aws_eks_node_group.default', { 'scaling_config.desired_size': '2 -> 3' })],
    },
  ]),
  ...runsOf('staging-app', [
    {
      key: 'stagingAppHelmTimeout',
      at: ago(5 * DAY),
      message: 'Release checkout-service 2.13.4 to staging',
      author: AUTHORS.john,
      scenario: {
        kind: 'failed',
        phase: 'APPLYING',
        error: errorBox('context deadline exceeded', [
          '',
          'with helm_release.checkout,',
          'on checkout.tf line 1, in resource "helm_release" "checkout":',
          '   1: resource "helm_release" "checkout" {',
          '',
        ]),
      },
      changes: [update('helm_release.checkout', { version: '"2.13.3" -> "2.13.4"' })],
    },
    {
      key: 'stagingAppRetryWithTimeout',
      at: ago(4 * DAY),
      message: 'Give the checkout release 10 minutes to become ready',
      author: AUTHORS.john,
      scenario: finished,
      changes: [update('helm_release.checkout', { version: '"2.13.3" -> "2.13.4"', timeout: '300 -> 600' })],
    },
    {
      key: 'stagingAppApplying',
      at: ago(6 * MINUTE),
      message: 'Release payments-service 1.10.0 to staging',
      author: AUTHORS.john,
      scenario: { kind: 'in-progress', state: 'APPLYING' },
      changes: [
        create('kubernetes_config_map.payments_flags', { 'metadata.name': '"payments-flags"', 'data.NEW_LEDGER': '"true"' }),
        update('helm_release.payments', { version: '"1.9.2" -> "1.10.0"' }),
      ],
    },
  ]),
  ...runsOf('prod-monitoring', [
    {
      key: 'prodMonitoringErrorRate',
      at: ago(7 * DAY),
      message: 'Alert on API error rate above 2%',
      author: AUTHORS.priya,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [create('datadog_monitor.error_rate', { name: '"API error rate"', type: '"query alert"', 'monitor_thresholds.critical': '"0.02"' })],
    },
    {
      key: 'prodMonitoringStopped',
      at: ago(3 * DAY),
      message: 'WIP dashboard layout',
      author: AUTHORS.priya,
      triggeredBy: 'ada.admin',
      scenario: { kind: 'stopped', by: 'ada.admin', note: 'Triggered on the wrong commit.' },
      changes: [update('datadog_dashboard.platform_overview', { layout_type: '"ordered" -> "free"' })],
    },
    {
      key: 'prodMonitoringPlanning',
      at: ago(3 * MINUTE),
      message: 'Tighten the API latency threshold to 400ms',
      author: AUTHORS.priya,
      scenario: { kind: 'in-progress', state: 'PLANNING' },
      changes: [update('datadog_monitor.api_latency', { 'monitor_thresholds.critical': '"0.6" -> "0.4"' })],
    },
    {
      key: 'prodMonitoringQueued',
      at: ago(40),
      message: 'Add a runbook link to the latency monitor',
      author: AUTHORS.marta,
      scenario: { kind: 'queued' },
    },
  ]),
  ...runsOf('prod-dns', [
    {
      key: 'prodDnsApiRecord',
      at: ago(30 * DAY),
      message: 'Point api.acme.example at the new load balancer',
      author: AUTHORS.tomasz,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [create('aws_route53_record.api', { name: '"api.acme.example"', type: '"CNAME"', ttl: '300' })],
    },
  ]),
  ...runsOf('dev-sandbox', [
    {
      key: 'devSandboxScratchBucket',
      at: ago(3 * DAY),
      message: 'Add a scratch bucket',
      author: AUTHORS.john,
      triggeredBy: 'walt.writer',
      scenario: finished,
      changes: [create('random_pet.suffix', { length: '2' }), create('aws_s3_bucket.scratch', { bucket: '(known after apply)', force_destroy: 'true' })],
    },
    {
      key: 'devSandboxBastionResize',
      at: ago(1 * DAY),
      message: 'Resize the bastion to t3.small',
      author: AUTHORS.john,
      scenario: finished,
      changes: [update('aws_instance.bastion', { instance_type: '"t3.micro" -> "t3.small"' })],
    },
  ]),
  ...runsOf('dev-app', [
    {
      key: 'devAppNewImage',
      at: ago(6 * DAY),
      message: 'Deploy web-2025.12.26-3',
      author: AUTHORS.john,
      scenario: { kind: 'finished', confirmedBy: 'walt.writer' },
      changes: [
        replace('aws_ecs_task_definition.web', { 'container_definitions[0].image': '"web:2025.12.20-1" -> "web:2025.12.26-3"' }),
        update('aws_ecs_service.web', { task_definition: '"web:41" -> (known after apply)' }),
      ],
    },
    {
      key: 'devAppMissingVariable',
      at: ago(2 * HOUR),
      message: 'Move the database password to a variable',
      author: AUTHORS.john,
      triggeredBy: 'walt.writer',
      scenario: {
        kind: 'failed',
        phase: 'PLANNING',
        planOutput: 'none',
        error: errorBox('No value for required variable', [
          '',
          'on variables.tf line 12:',
          '  12: variable "db_password" {',
          '',
          'The root module input variable "db_password" is not set, and has no default value. Use a -var or -var-file command line argument to provide a value for this variable.',
        ]),
      },
    },
  ]),
  ...runsOf('dev-preview-envs', [
    {
      key: 'devPreviewBootstrap',
      at: ago(4 * DAY),
      message: 'Bucket and CDN for PR previews',
      author: AUTHORS.john,
      scenario: { kind: 'finished', confirmedBy: 'walt.writer' },
      changes: [
        create('aws_s3_bucket.previews', { bucket: '"acme-dev-previews"' }),
        create('aws_cloudfront_distribution.previews', { enabled: 'true', price_class: '"PriceClass_100"' }),
      ],
    },
    {
      key: 'devPreviewDiscarded',
      at: ago(20 * HOUR),
      message: 'Serve previews from all edge locations',
      author: AUTHORS.john,
      scenario: { kind: 'discarded', by: 'walt.writer', note: 'Waiting for the CDN cost review.' },
      changes: [update('aws_cloudfront_distribution.previews', { price_class: '"PriceClass_100" -> "PriceClass_All"' })],
    },
  ]),
  ...runsOf('spacelift-admin', [
    {
      key: 'spaceliftAdminSpaces',
      at: ago(25 * DAY),
      message: 'Manage spaces as code',
      author: AUTHORS.marta,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [
        update('spacelift_space.platform', { description: 'null -> "Production and staging infrastructure"' }),
        update('spacelift_space.dev', { inherit_entities: 'false -> true' }),
      ],
    },
    {
      key: 'spaceliftAdminPreviewStack',
      at: ago(5 * DAY),
      message: 'Add the dev-preview-envs stack',
      author: AUTHORS.john,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [create('spacelift_stack.dev_preview_envs', { name: '"dev-preview-envs"', branch: '"main"', project_root: '"stacks/dev/previews"' })],
    },
  ]),
  ...runsOf('account-baseline', [
    {
      key: 'baselineCloudtrail',
      at: ago(40 * DAY),
      message: 'Organization trail to the audit account',
      author: AUTHORS.tomasz,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [create('aws_cloudtrail.org', { is_organization_trail: 'true', s3_bucket_name: '"acme-audit-trail"' })],
    },
    {
      key: 'baselineRegions',
      at: ago(14 * DAY),
      message: 'Deny every region but eu-west-1 and us-east-1',
      author: AUTHORS.tomasz,
      scenario: { kind: 'finished', confirmedBy: 'ada.admin' },
      changes: [update('aws_organizations_policy.deny_regions', { content: '(sensitive value) -> (sensitive value)' })],
    },
    {
      key: 'baselineImportBreakglass',
      at: ago(10 * DAY),
      message: 'Deny every region but eu-west-1 and us-east-1',
      author: AUTHORS.tomasz,
      triggeredBy: 'ada.admin',
      scenario: {
        kind: 'task',
        command: 'terraform import aws_iam_role.breakglass breakglass',
        output: [
          'aws_iam_role.breakglass: Importing from ID "breakglass"...',
          'aws_iam_role.breakglass: Import prepared!',
          '  Prepared aws_iam_role for import',
          'aws_iam_role.breakglass: Refreshing state... [id=breakglass]',
          '',
          'Import successful!',
          '',
          'The resources that were imported are shown above. These resources are now in',
          'your Terraform state and will henceforth be managed by Terraform.',
        ],
      },
    },
  ]),
];

function checkoutV2Changes(): PlannedChange[] {
  return [
    create('kubernetes_config_map.checkout_flags', { 'metadata.name': '"checkout-flags"', 'data.CHECKOUT_V2': '"true"' }),
    create('helm_release.checkout_worker', { chart: '"checkout-worker"', namespace: '"apps"', version: '"2.14.0"' }),
    update('helm_release.checkout', { version: '"2.13.4" -> "2.14.0"' }),
  ];
}
