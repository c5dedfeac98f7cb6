/**
 * How much of a query_graphql result the model reads (the panel's card shows all of it). Apart from
 * the tool so the panel can say when the model read a shortened copy without bundling the tool.
 */
export const QUERY_RESULT_MODEL_CHARS = 8_000;
