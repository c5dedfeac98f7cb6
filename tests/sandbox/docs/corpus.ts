// The sandbox docs site's own small corpus, written for the sandbox (not copied from
// docs.spacelift.io). Page locations follow the real site's URLs ("concepts/stack.html");
// each section becomes a heading entry ("concepts/stack.html#stack-state") in the index.

export interface DocSection {
  title: string;
  /** Markdown body of the section. */
  markdown: string;
}

export interface DocPage {
  /** Page URL relative to the docs root, as in mkdocs' search index ("" is the home page). */
  location: string;
  title: string;
  /** Markdown shown before the first heading. */
  markdown: string;
  sections: DocSection[];
}

export const DOCS_CORPUS: readonly DocPage[] = [
  {
    location: '',
    title: 'Spacelift documentation',
    markdown:
      'Spacelift is a CI/CD platform built for infrastructure as code: OpenTofu, Terraform, Terragrunt, Pulumi, CloudFormation, Kubernetes and Ansible. It connects to your source control, runs your tools on workers, and wraps every change in policies, access control and an audit trail.',
    sections: [],
  },
  {
    location: 'concepts/stack.html',
    title: 'Stack',
    markdown:
      'A stack is the central unit of Spacelift. It ties together a source repository (optionally a project root inside it), the state of the infrastructure that code manages, and everything needed to run it: environment variables, mounted files, attached contexts and policies, and the worker pool its runs use.',
    sections: [
      {
        title: 'Stack state',
        markdown:
          'A stack shows the state of its most recent tracked run. A stack that never had a run is in the `NONE` state. A stack whose last tracked run ended in `FAILED` stays failed until a later run succeeds, and a stack in `UNCONFIRMED` has a planned change waiting for a human decision.',
      },
      {
        title: 'Tracked branch',
        markdown:
          'Every stack tracks one branch of its repository. Pushes to that branch create tracked runs, which can change infrastructure. Pushes to other branches and pull requests create proposed runs, which only plan. The commit the stack currently points at is its tracked commit.',
      },
      {
        title: 'Labels',
        markdown:
          'Labels are free-form strings on stacks, modules, policies and contexts. They filter lists, group stacks into folders in the UI (labels starting with `folder:`), and drive auto-attachment: a policy or context labelled `autoattach:team-a` is attached to every stack labelled `team-a`.',
      },
      {
        title: 'Autodeploy',
        markdown:
          'With autodeploy off, the default, a tracked run that plans changes stops in `UNCONFIRMED` and someone must confirm it before anything is applied. With autodeploy on, a successful plan is applied right away. A run whose plan has no changes finishes without confirmation either way.',
      },
    ],
  },
  {
    location: 'concepts/stack/stack-dependencies.html',
    title: 'Stack dependencies',
    markdown:
      'A stack can depend on other stacks. When a tracked run on an upstream stack applies changes, Spacelift triggers tracked runs on the stacks that depend on it, in dependency order, so a chain of stacks can be updated from a single commit. Dependencies cannot form a cycle.',
    sections: [
      {
        title: 'Output references',
        markdown:
          'A dependency can pass values downstream: an output of the upstream stack is mapped to an environment variable of the dependent stack, for example the `vpc_id` output to `TF_VAR_vpc_id`. The dependent stack is re-run only when a referenced output actually changed, unless the reference is set to always trigger.',
      },
    ],
  },
  {
    location: 'concepts/stack/drift-detection.html',
    title: 'Drift detection',
    markdown:
      'Drift detection checks on a schedule whether real infrastructure still matches what a stack manages. On each cron tick Spacelift starts a proposed run that only plans; if the plan finds differences, the affected resources are marked as drifted. Drift detection requires a private worker pool.',
    sections: [
      {
        title: 'Reconciliation',
        markdown:
          'With reconciliation enabled, detected drift automatically triggers a tracked run that brings the infrastructure back in line with the code. Without it, drift is only reported and a person decides what to do.',
      },
    ],
  },
  {
    location: 'concepts/run.html',
    title: 'Run',
    markdown:
      'A run is one execution of a stack\'s workflow on a worker. Tracked runs may apply changes, proposed runs only plan, tasks execute an arbitrary command, and test runs check module versions. A run moves through a series of states, and each state keeps its own log.',
    sections: [
      {
        title: 'Run states',
        markdown:
          'A typical tracked run goes through `QUEUED`, `READY`, `PREPARING`, `INITIALIZING` and `PLANNING`; then, if there are changes and autodeploy is off, `UNCONFIRMED`; then `CONFIRMED`, `APPLYING` and finally `FINISHED`. Queued runs wait for the stack to be free, ready runs wait for a worker.\n\n`FINISHED`, `FAILED`, `DISCARDED`, `STOPPED`, `CANCELED` and `SKIPPED` are terminal states: a run in one of them never changes again.',
      },
      {
        title: 'Failed runs',
        markdown:
          'A run ends in `FAILED` when a phase returns an error: invalid code, a provider rejecting a request, missing cloud credentials, a failing hook, or a plan policy denying the change. The reason appears at the top of the run history and in the log of the phase that failed. Fix the cause, then trigger a new run.',
      },
    ],
  },
  {
    location: 'concepts/run/tracked.html',
    title: 'Tracked runs',
    markdown:
      'Tracked runs are the runs that can change infrastructure. Pushes to the tracked branch create them, and so do users or API clients triggering the stack, stack dependencies and trigger policies. Only one tracked run is active on a stack at a time; the others wait in `QUEUED`.',
    sections: [
      {
        title: 'Confirming a run',
        markdown:
          'A tracked run that plans changes while autodeploy is off waits in `UNCONFIRMED`. Review the plan in the run\'s logs, then choose:\n\n- **Confirm** moves the run to `CONFIRMED`, and it goes on to apply.\n- **Discard** ends the run in `DISCARDED` without applying anything.\n\nThrough the API, use the `runConfirm` and `runDiscard` mutations with the stack and run IDs.',
      },
    ],
  },
  {
    location: 'concepts/run/proposed.html',
    title: 'Proposed runs',
    markdown:
      'Proposed runs preview a change without applying it. Spacelift creates them for pushes to branches other than the tracked one and for pull requests, and reports the planned resource changes back to the commit or pull request as a status check. Push policies can change which events create proposed runs.',
    sections: [],
  },
  {
    location: 'concepts/policy.html',
    title: 'Policies',
    markdown:
      'Policies turn rules about your infrastructure process into code. They are written in Rego, the language of Open Policy Agent, and Spacelift evaluates them at fixed decision points: when someone logs in, when a push arrives, after planning, before a run proceeds, when a run ends and when a notification is sent.',
    sections: [
      {
        title: 'Policy types',
        markdown:
          'Each policy has one type, which decides when it is evaluated and which rules it may define: `LOGIN`, `APPROVAL`, `PLAN`, `GIT_PUSH`, `TRIGGER` and `NOTIFICATION`, plus the legacy `ACCESS`, `TASK` and `INITIALIZATION` types. Every policy body starts with `package spacelift`.',
      },
      {
        title: 'Attaching policies',
        markdown:
          'Most policies act only on the stacks and modules they are attached to; login policies apply to the whole account. Attach a policy by hand from the stack\'s Policies tab, or automatically with an `autoattach:<label>` label, which attaches it to every stack with that label in the policy\'s space and the spaces inheriting from it.',
      },
    ],
  },
  {
    location: 'concepts/policy/terraform-plan-policy.html',
    title: 'Plan policy',
    markdown:
      'Plan policies inspect a run\'s planned changes once planning is done. Their input holds the parsed plan, the stack and the run. A `deny` rule fails the run with its message; a `warn` rule only attaches a warning. For example, this policy refuses to delete databases:\n\n```rego\npackage spacelift\n\ndeny contains sprintf("refusing to delete %s", [change.address]) if {\n  some change in input.terraform.resource_changes\n  change.type == "aws_db_instance"\n  "delete" in change.change.actions\n}\n```',
    sections: [],
  },
  {
    location: 'concepts/policy/push-policy.html',
    title: 'Push policy',
    markdown:
      'Push policies decide what happens when a push or pull request event arrives for a stack\'s repository: `track` creates a tracked run, `propose` creates a proposed run, `ignore` does nothing and `cancel` cancels queued runs. They can also limit runs to changes in certain files and prioritise runs.',
    sections: [],
  },
  {
    location: 'concepts/policy/approval-policy.html',
    title: 'Approval policy',
    markdown:
      'Approval policies require human reviews before a run or task goes on. Reviewers approve or reject, and the policy weighs the reviews with `approve` and `reject` rules, for example requiring two approvals from the platform team. A run waiting for enough reviews is in the `PENDING_REVIEW` state.',
    sections: [],
  },
  {
    location: 'concepts/policy/trigger-policy.html',
    title: 'Trigger policy',
    markdown:
      'Trigger policies are evaluated when a tracked run reaches a terminal state, and return the IDs of stacks that should get a tracked run next. They predate stack dependencies, which now cover most chaining needs more simply.',
    sections: [],
  },
  {
    location: 'concepts/policy/notification-policy.html',
    title: 'Notification policy',
    markdown:
      'Notification policies filter and route notifications: which events reach which Slack channels or webhooks, and which show up in the Spacelift notification inbox. They receive events such as run state changes and newly published module versions.',
    sections: [],
  },
  {
    location: 'concepts/policy/login-policy.html',
    title: 'Login policy',
    markdown:
      'Login policies run every time someone logs in. Using what the identity provider says about the user (login, teams or groups, IP address), they allow or deny the login and grant access levels to spaces, for example making the platform team admins of the `root` space. They apply to the whole account and are never attached to stacks.',
    sections: [],
  },
  {
    location: 'concepts/configuration/context.html',
    title: 'Contexts',
    markdown:
      'A context is a named, reusable bundle of configuration: environment variables, mounted files and hooks. Attaching one context to many stacks avoids repeating the same settings, such as cloud credentials or shared Terraform variables.',
    sections: [
      {
        title: 'Environment variables',
        markdown:
          'A context\'s environment variables are set in the run\'s environment on the worker; names starting with `TF_VAR_` become Terraform input variables. When a stack and an attached context define the same name, the stack\'s value wins. Between contexts, the attachment with the lower priority number wins.',
      },
      {
        title: 'Mounted files',
        markdown:
          'Mounted files are written into the run\'s workspace under `/mnt/workspace/` before it starts: a kubeconfig, a `.tfvars` file or a certificate, for instance. Their content is stored encrypted.',
      },
      {
        title: 'Secrets',
        markdown:
          'A variable or file marked secret (write-only) can be used by runs but never read back: the UI hides its value and the API returns `null`. To change a secret, overwrite it. Secret values are also masked in run logs.',
      },
      {
        title: 'Auto-attaching contexts',
        markdown:
          'A context labelled `autoattach:<label>` is attached to every stack carrying that label in the context\'s space, and in child spaces that inherit from it. Such attachments show as auto-attached on the stack\'s Contexts tab and cannot be detached by hand.',
      },
    ],
  },
  {
    location: 'concepts/spaces.html',
    title: 'Spaces',
    markdown:
      'Spaces arrange stacks, modules, contexts, policies and worker pools in a tree, and carry access control. Every account starts with a `root` space; every other space has exactly one parent, and every entity belongs to exactly one space.',
    sections: [
      {
        title: 'Inheritance',
        markdown:
          'A space with inheritance turned on can use the contexts, policies and worker pools of its ancestors: a stack in `production` may attach a context defined in `root`. Inheritance flows only from parent to child, and it concerns entities, not permissions: reading a child space gives no access to its parent.',
      },
    ],
  },
  {
    location: 'concepts/spaces/access-control.html',
    title: 'Space access control',
    markdown: 'Access is granted per space, to users, groups from the identity provider and API keys, and covers the space and all its descendants.',
    sections: [
      {
        title: 'Access levels',
        markdown:
          '- **Reader** sees the space\'s stacks, runs, logs and configuration.\n- **Writer** can also trigger, confirm and discard runs, start tasks and edit environment variables.\n- **Admin** can also create, change and delete stacks, contexts and policies, and manage child spaces.\n\nAn admin of `root` is an admin of the whole account. Custom roles grant finer-grained sets of actions.',
      },
    ],
  },
  {
    location: 'vendors/terraform/module-registry.html',
    title: 'Module registry',
    markdown:
      'Spacelift hosts a private Terraform module registry. A module is linked to a repository; each new version is checked with test runs and published when they pass. Stacks consume modules with a source such as `spacelift.io/<account>/<module>/<provider>`, and the registry shows which stacks use which version.',
    sections: [],
  },
  {
    location: 'concepts/worker-pools.html',
    title: 'Worker pools',
    markdown:
      'Runs execute on workers. Spacelift offers a shared public worker pool; a private worker pool runs workers on your own infrastructure, with Docker or on Kubernetes, so runs can reach private networks and use your own cloud identity. Each stack and module picks its pool, and features such as drift detection need a private one.',
    sections: [],
  },
  {
    location: 'integrations/api.html',
    title: 'GraphQL API',
    markdown:
      'Spacelift has a GraphQL API at `https://<account>.app.spacelift.io/graphql`. The web app uses the same API, so anything the UI does can be scripted. Send `POST` requests with a JSON body holding `query` and `variables`.',
    sections: [
      {
        title: 'API keys',
        markdown:
          'An API key is a machine identity created by an admin in the organization settings. It has an ID and a secret; the secret is shown only once, at creation. Like users, keys get access to spaces, or can be admin keys.',
      },
      {
        title: 'Getting a token',
        markdown:
          'Trade an API key for a short-lived JWT with the `apiKeyUser` mutation, then send the token as `Authorization: Bearer <jwt>` on later requests. `validUntil` is in Unix seconds; exchange the key again before it passes.\n\n```graphql\nmutation GetToken($id: ID!, $secret: String!) {\n  apiKeyUser(id: $id, secret: $secret) { jwt validUntil }\n}\n```',
      },
    ],
  },
];
