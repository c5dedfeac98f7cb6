// Keeps every answer within a fixed size, degrading gracefully: descriptions go first, then
// whole lines, whose names are still listed so the model knows what exists.

import { clip, textLength, withComment } from './format';

/** At most ~1,500 tokens per answer, so several inspections fit in one conversation. */
export const MAX_ANSWER_CHARS = 6_000;

/** Of the budget, at most this much lists the names of members that did not fit as lines. */
const OVERFLOW_NAMES_CHARS = 1_500;

/** One member of a block (a field, an enum value…): its line, and what to say about it. */
export interface MemberLine {
  name: string;
  bare: string;
  comment: string;
}

/** Comment lengths tried in turn before comments are dropped: full, then a few words. */
const COMMENT_LENGTHS = [Infinity, 40];

/**
 * The member lines that fit in `budget` characters: with their comments if they fit, else with
 * shorter comments, else without, else as many bare lines as fit and a note naming the rest.
 */
export function fitMembers(members: readonly MemberLine[], budget: number, noun: string): string[] {
  for (const length of COMMENT_LENGTHS) {
    const lines = members.map((member) => withComment(member.bare, clip(member.comment, length)));
    if (textLength(lines) <= budget) return lines;
  }
  const droppedNote = '  # (descriptions left out to fit)';
  const bare = members.map((member) => member.bare);
  if (textLength([droppedNote, ...bare]) <= budget) return [droppedNote, ...bare];

  // namesAfter[k]: characters of the names from k on, joined with ", " (the note in full).
  const namesAfter = new Array<number>(members.length + 1).fill(0);
  for (let k = members.length - 1; k >= 0; k--) namesAfter[k] = (namesAfter[k + 1] ?? 0) + (members[k]?.name.length ?? 0) + 2;
  let kept = 0;
  let used = 0;
  for (const line of bare) {
    const rest = members.length - kept - 1;
    const noteReserve = Math.min(overflowHead(rest, noun).length + (namesAfter[kept + 1] ?? 0) + 1, OVERFLOW_NAMES_CHARS);
    if (used + line.length + 1 + noteReserve > budget) break;
    used += line.length + 1;
    kept += 1;
  }
  const rest = members.slice(kept).map((member) => member.name);
  return [...bare.slice(0, kept), overflowNote(rest, noun, budget - used)];
}

function overflowHead(count: number, noun: string): string {
  return `  # … ${count} more ${noun} not shown`;
}

/** `  # … 12 more fields not shown: a, b, c and 9 others`, within `maxChars` when possible. */
export function overflowNote(names: readonly string[], noun: string, maxChars: number): string {
  const head = overflowHead(names.length, noun);
  let listed = names.length;
  let note = `${head}: ${names.join(', ')}`;
  while (note.length > maxChars && listed > 0) {
    listed = Math.min(listed - 1, Math.floor(listed * 0.9));
    note = listed > 0 ? `${head}: ${names.slice(0, listed).join(', ')} and ${names.length - listed} others` : head;
  }
  return note;
}

/** Lines in order while they fit; how many did not. */
export function fitLines(lines: readonly string[], budget: number): { kept: string[]; omitted: number } {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length + 1 > budget) break;
    kept.push(line);
    used += line.length + 1;
  }
  return { kept, omitted: lines.length - kept.length };
}
