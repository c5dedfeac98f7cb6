import { memo, useMemo, type ReactNode } from 'react';
import { refractor } from 'refractor/core';
import bash from 'refractor/bash';
import diff from 'refractor/diff';
import docker from 'refractor/docker';
import go from 'refractor/go';
import graphql from 'refractor/graphql';
import hcl from 'refractor/hcl';
import javascript from 'refractor/javascript';
import json from 'refractor/json';
import python from 'refractor/python';
import rego from 'refractor/rego';
import typescript from 'refractor/typescript';
import yaml from 'refractor/yaml';
import { useCopyToClipboard } from '../hooks/useCopyToClipboard';

// Prism grammars through refractor (which returns a tree, not HTML): only the
// languages an infrastructure assistant shows, each a few kB. Registered on the
// first code block, not when the panel loads (building them is work the first open need not wait for).
let registered = false;
function registerGrammars(): void {
  if (registered) return;
  registered = true;
  for (const syntax of [bash, diff, docker, go, graphql, hcl, javascript, json, python, rego, typescript, yaml]) {
    refractor.register(syntax);
  }
  refractor.alias({
    hcl: ['terraform', 'tf', 'tfvars', 'opentofu', 'tofu'],
    bash: ['console', 'zsh', 'shellsession'],
    json: ['jsonc', 'json5'],
    javascript: ['jsx', 'mjs', 'cjs'],
    typescript: ['tsx', 'mts', 'cts'],
    graphql: ['gql'],
    diff: ['patch'],
    go: ['golang'],
  });
}

/** Past this size a code block is shown without colours: highlighting would cost more than it helps. */
const HIGHLIGHT_LIMIT = 50_000;

interface CodeBlockProps {
  code: string;
  /** The fence's info string's first word (```hcl), if any. */
  language?: string;
}

/** A fenced code block: highlighted when its language is known, with a Copy button. */
export const CodeBlock = memo(function CodeBlock({ code, language }: CodeBlockProps) {
  const lang = language?.toLowerCase();
  const highlighted = useMemo(() => highlight(code, lang), [code, lang]);
  const { state, copy } = useCopyToClipboard();
  return (
    <div className="ia-codeblock" data-testid="ia-codeblock">
      <div className="ia-codeblock-bar">
        <span className="ia-codeblock-lang">{lang ?? 'text'}</span>
        <button
          type="button"
          className="ia-copy"
          data-state={state}
          aria-label={state === 'copied' ? 'Copied' : 'Copy code'}
          onClick={() => void copy(code)}
        >
          {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
        </button>
      </div>
      <pre className="ia-codeblock-pre">
        <code className={lang ? `language-${lang}` : undefined}>{highlighted}</code>
      </pre>
    </div>
  );
});

/** Highlighted React nodes for `code`, or the plain text if the language is unknown. */
export function highlight(code: string, language: string | undefined): ReactNode {
  registerGrammars();
  if (!language || code.length > HIGHLIGHT_LIMIT || !refractor.registered(language)) return code;
  try {
    return toReact(refractor.highlight(code, language).children);
  } catch {
    return code;
  }
}

type HastNode = ReturnType<typeof refractor.highlight>['children'][number];

function toReact(nodes: readonly HastNode[]): ReactNode[] {
  return nodes.map((node, index) => {
    if (node.type === 'text') return node.value;
    if (node.type !== 'element') return null;
    const className = node.properties.className;
    return (
      <span key={index} className={Array.isArray(className) ? className.join(' ') : undefined}>
        {toReact(node.children)}
      </span>
    );
  });
}
