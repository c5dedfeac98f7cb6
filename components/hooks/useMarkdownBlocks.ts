import { useMemo, useRef } from 'react';
import { Lexer, type Token } from 'marked';

/**
 * Split markdown into its top-level blocks (paragraphs, lists, tables, code
 * blocks...), so that a streaming answer re-renders only its last block: the
 * blocks before it are final and keep the same source string, which a memoised
 * block component skips. marked's lexer finds the block boundaries (it is fast,
 * and each token's `raw` is exactly its slice of the input); react-markdown then
 * parses each block on its own.
 *
 * Link reference definitions (`[x]: https://...`) are not blocks of their own:
 * they are appended to the blocks that may use them, so references resolve
 * across blocks. A footnote definition (`[^1]: ...`) is kept as literal text:
 * rendered alone, a footnote nothing in its block refers to would vanish.
 */
export function splitMarkdownBlocks(text: string): string[] {
  return createBlockSplitter()(text);
}

interface Block {
  type: string;
  raw: string;
}

interface Lexed {
  /** Top-level tokens that carry content. */
  blocks: Block[];
  definitions: string[];
}

/**
 * An incremental splitter for text that grows at its end. Every block but the
 * last one is final once the next block has started, so each call lexes only
 * from the start of the previous call's last block: O(last block) per token
 * instead of O(message). Any other change (an edit, a new message) lexes anew.
 */
export function createBlockSplitter(): (text: string) => string[] {
  let previous = '';
  let stableEnd = 0;
  let stable: Lexed = { blocks: [], definitions: [] };
  let lastResult: string[] = [];

  return (text) => {
    if (text === previous) return lastResult;
    if (!text.startsWith(previous)) {
      stableEnd = 0;
      stable = { blocks: [], definitions: [] };
    }
    previous = text;

    const tokens = lex(text.slice(stableEnd));
    if (!tokens) {
      // marked gave up on this input: render it as one block rather than fail.
      lastResult = [text];
      return lastResult;
    }
    // Tokens before the last one with content are final: commit them.
    let last = tokens.length - 1;
    while (last >= 0 && tokens[last]!.type === 'space') last--;
    for (let i = 0; i < last; i++) {
      const token = tokens[i]!;
      stableEnd += token.raw.length;
      add(stable, token);
    }
    const tail: Lexed = { blocks: [], definitions: [] };
    for (let i = Math.max(last, 0); i < tokens.length; i++) add(tail, tokens[i]!);

    const definitions = [...stable.definitions, ...tail.definitions];
    const blocks = [...stable.blocks, ...tail.blocks];
    const suffix = `\n\n${definitions.join('\n')}`;
    lastResult = blocks.map(({ type, raw }) =>
      // Not into code: an unclosed fence would swallow the definitions.
      definitions.length > 0 && type !== 'code' && raw.includes('[') ? raw + suffix : raw,
    );
    return lastResult;
  };
}

/** `[^1]: ...` at a block's start (marked lexes it as a definition or a paragraph). */
const FOOTNOTE_DEFINITION = /^( {0,3})\[\^[^\]\s]+\]:/;

function add(into: Lexed, token: Token): void {
  if (token.type === 'space') return;
  const footnote = FOOTNOTE_DEFINITION.exec(token.raw);
  if (footnote) {
    into.blocks.push({ type: 'paragraph', raw: `${footnote[1]}\\${token.raw.slice(footnote[1]!.length)}` });
    return;
  }
  if (token.type === 'def') {
    into.definitions.push(token.raw.trim());
    return;
  }
  into.blocks.push({ type: token.type, raw: token.raw });
}

function lex(text: string): Token[] | undefined {
  try {
    return new Lexer({ gfm: true }).lex(text);
  } catch {
    return undefined;
  }
}

/**
 * The blocks of a (possibly streaming) markdown text. Keeps one incremental
 * splitter per component, so a growing message is lexed from its last block on.
 */
export function useMarkdownBlocks(text: string): string[] {
  const splitter = useRef<((text: string) => string[]) | null>(null);
  return useMemo(() => {
    splitter.current ??= createBlockSplitter();
    return splitter.current(text);
  }, [text]);
}
