export interface CappedJson {
  value: unknown;
  /** What was cut, for the model to mention or narrow its query; absent when nothing was. */
  note?: string;
}

/**
 * Shrink a JSON value to about `maxChars` when serialised, keeping its shape:
 * long arrays keep their first items and long strings their start, each with a
 * marker of how much was cut. Used for what the model sees; the panel shows all.
 */
export function capJson(value: unknown, maxChars: number): CappedJson {
  if ((JSON.stringify(value) ?? '').length <= maxChars) return { value };
  let cuts = 0;
  for (const [arrayLimit, stringLimit] of [[50, 2000], [20, 1000], [10, 500], [5, 300], [3, 200], [2, 120], [1, 80]] as const) {
    cuts = 0;
    const trimmed = trim(value, arrayLimit, stringLimit, () => cuts++);
    if (JSON.stringify(trimmed).length <= maxChars) {
      return { value: trimmed, note: `Result shortened for the model (${cuts} lists or texts cut; the user sees it in full). Ask for fewer fields or items to see more.` };
    }
  }
  const text = JSON.stringify(value);
  return { value: `${text.slice(0, maxChars)}…`, note: `Result cut to ${maxChars} of ${text.length} characters. Ask for fewer fields or items.` };
}

function trim(value: unknown, arrayLimit: number, stringLimit: number, onCut: () => void): unknown {
  if (typeof value === 'string') {
    if (value.length <= stringLimit) return value;
    onCut();
    return `${value.slice(0, stringLimit)}… [${value.length - stringLimit} more characters]`;
  }
  if (Array.isArray(value)) {
    const kept = value.slice(0, arrayLimit).map((v) => trim(v, arrayLimit, stringLimit, onCut));
    if (value.length > arrayLimit) {
      onCut();
      kept.push(`… ${value.length - arrayLimit} more items`);
    }
    return kept;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v, arrayLimit, stringLimit, onCut)]));
  }
  return value;
}
