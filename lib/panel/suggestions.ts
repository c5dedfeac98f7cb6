import type { RouteTarget } from '../spacelift/routes';

export interface PageHints {
  /** The page's own header shows this state (a failed run or stack, a run waiting for confirmation). */
  state?: 'FAILED' | 'UNCONFIRMED';
}

/** Questions to start with, fitted to the page the user is on. */
export function suggestionsFor(entity: RouteTarget | null, hints: PageHints = {}): string[] {
  switch (entity?.kind) {
    case 'run':
      if (hints.state === 'FAILED') return ['Explain why this run failed', 'How do I fix this and retry?', 'What did this run try to change?'];
      if (hints.state === 'UNCONFIRMED') return ['What will this run change?', 'Is it safe to confirm this run?', 'Summarise this run'];
      return ['Summarise this run', 'What did this run change?', 'Show the logs of this run'];
    case 'stack':
      return [
        hints.state === 'FAILED' ? 'Why did the last run of this stack fail?' : 'Summarise the recent runs of this stack',
        'What does this stack manage?',
        'Which policies and contexts are attached to this stack?',
      ];
    case 'stacks':
      return ['Which stacks failed?', 'Which runs are waiting for confirmation?', 'How do stack dependencies work?'];
    case 'policies':
    case 'policy':
      return ['Explain the policies on this page', 'How do plan policies work?', 'Which stacks does this policy apply to?'];
    case 'contexts':
    case 'context':
      return ['What is a context for?', 'Which stacks use this context?', 'How are secrets in contexts handled?'];
    case 'spaces':
    case 'space':
      return ['How does access work across spaces?', 'Which stacks are in this space?', 'What can a space reader do?'];
    default:
      return ['What is on this page?', 'Which stacks failed?', 'How do stack dependencies work?'];
  }
}

/** Read the state the page's header shows, if it is one worth a question. Generic: the first text of <main>. */
export function readPageHints(doc: Document): PageHints {
  const state = /\b(FAILED|UNCONFIRMED)\b/.exec(leadingText(doc.querySelector('main'), 600))?.[1] as PageHints['state'];
  return state ? { state } : {};
}

/** The first words of an element, one text node at a time (textContent would glue "prod-eks" and "FAILED"). */
function leadingText(root: Element | null, limit: number): string {
  if (!root) return '';
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  while (text.length < limit && walker.nextNode()) text += ` ${walker.currentNode.textContent ?? ''}`;
  return text;
}
