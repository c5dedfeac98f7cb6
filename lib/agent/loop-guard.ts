interface StepLike {
  toolCalls: readonly { toolName: string; input: unknown }[];
}

/** The same tool with the same input, whatever the key order. */
export function toolCallSignature(call: { toolName: string; input: unknown }): string {
  return `${call.toolName}:${stableStringify(call.input)}`;
}

/**
 * A model that makes the identical call again and again is stuck: it already
 * has that result. `maxRepeats` identical calls are allowed (a retry after an
 * error is fair), one more is a loop.
 */
export function isRepeatingToolCalls(steps: readonly StepLike[], maxRepeats = 2): boolean {
  const counts = new Map<string, number>();
  for (const step of steps) {
    for (const call of step.toolCalls) {
      const signature = toolCallSignature(call);
      const count = (counts.get(signature) ?? 0) + 1;
      if (count > maxRepeats) return true;
      counts.set(signature, count);
    }
  }
  return false;
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
