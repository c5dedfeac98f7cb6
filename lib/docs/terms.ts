// How text becomes search terms, shared by the index and the snippet finder so a
// matched index term can be found again in the entry's text.

/** Spaces, punctuation and symbols separate words ("TF_VAR_x", "clock[0]<=4", "a/b"). */
export const WORD_SEPARATOR = /[\s\p{P}\p{S}]+/u;
export const WORD = /[^\s\p{P}\p{S}]+/gu;

// Words too common to say anything about a docs page; questions are full of them.
const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could did do does for from had has have how i if in into is it its me my ' +
    'of on or our should so than that the their them then there these they this those to us was we were what ' +
    'when where which while who why will with would you your'
  ).split(' '),
);

export function tokenize(text: string): string[] {
  return text.split(WORD_SEPARATOR);
}

/**
 * Lowercases, drops stop words and single letters, and folds plurals ("policies" →
 * "policy", "stacks" → "stack") so a question's wording matches the docs' either way.
 */
export function processTerm(word: string): string | null {
  if (word.length === 0) return null;
  const term = word.toLowerCase();
  if (STOP_WORDS.has(term)) return null;
  if (term.length === 1 && !/\d/.test(term)) return null;
  return foldPlural(term);
}

function foldPlural(term: string): string {
  if (term.length < 4 || !term.endsWith('s')) return term;
  if (term.endsWith('ies') && term.length > 4) return `${term.slice(0, -3)}y`;
  if (term.endsWith('sses')) return term.slice(0, -2);
  if (term.endsWith('ss') || term.endsWith('us') || term.endsWith('is')) return term;
  return term.slice(0, -1);
}
