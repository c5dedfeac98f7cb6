// Types for queries.js (a browser module, so that Node tests and the GraphQL server can import it).

export declare const SPACES: string;
export declare const STACKS: string;
export declare const STACK: string;
export declare const STACK_RUNS: string;
export declare const STACK_PROPOSED_RUNS: string;
export declare const STACK_ENVIRONMENT: string;
export declare const STACK_CONTEXTS: string;
export declare const STACK_POLICIES: string;
export declare const STACK_DEPENDENCIES: string;
export declare const STACK_OUTPUTS: string;
export declare const STACK_RESOURCES: string;
export declare const RUN: string;
export declare const RUN_LOGS: string;
export declare const MODULES: string;
export declare const MODULE: string;
export declare const POLICIES: string;
export declare const POLICY: string;
export declare const CONTEXTS: string;
export declare const CONTEXT: string;
export declare const WORKER_POOLS: string;
export declare const WORKER_POOL: string;
export declare const RUN_TRIGGER: string;
export declare const RUN_CONFIRM: string;
export declare const RUN_DISCARD: string;

/** Every document the web app sends, keyed by operation name. */
export declare const QUERIES: Readonly<Record<string, string>>;
