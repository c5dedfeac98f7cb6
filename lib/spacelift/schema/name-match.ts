// Finds the names a misspelt or half-remembered name most likely meant.

/** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * Up to `limit` candidates close to `wanted`, case-insensitively: a few edits away, or one
 * containing the other (Stak → Stack; policies → Policy; stackrun → Run…), closest first.
 */
export function closestNames(candidates: Iterable<string>, wanted: string, limit = 5): string[] {
  const target = wanted.toLowerCase();
  const maxEdits = Math.max(2, Math.floor(target.length / 3));
  const scored: { name: string; distance: number }[] = [];
  for (const name of candidates) {
    const lower = name.toLowerCase();
    const distance = editDistance(target, lower);
    const contains = Math.min(lower.length, target.length) >= 3 && (lower.includes(target) || target.includes(lower));
    if (contains || distance <= maxEdits) scored.push({ name, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.name.length - b.name.length || a.name.localeCompare(b.name));
  return scored.slice(0, limit).map((entry) => entry.name);
}
