// Types for graphql-client.js (a browser module, imported by the Node tests).

export interface GraphQLErrorLike {
  message: string;
}

export declare const missingFields: Set<string>;

export declare class GraphQLRequestError extends Error {
  errors: GraphQLErrorLike[];
}

export declare function request(
  document: string,
  variables?: Record<string, unknown>,
): Promise<{ data: Record<string, unknown>; errors: GraphQLErrorLike[] }>;

export declare function operationName(document: string): string | undefined;

export declare function findUnknownFields(errors: GraphQLErrorLike[] | undefined): { field: string; type: string }[];

export declare function pruneFields(document: string, fieldNames: string[]): string;
