// HTML pages in mkdocs-material's shape: header, navigation, an article with anchored
// headings, and the page's markdown in <div id="llm-markdown-content" data-content="...">.

import { pageMarkdown, slugify, type SitePage } from './site';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** URL of a page location under the site's base path ("" is the home page). */
export function pageUrl(basePath: string, location: string): string {
  return `${basePath}/${location}`;
}

/** Inline markdown: `code`, **bold**, [links](target). Input is escaped first. */
function renderInline(text: string, basePath: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_, label: string, target: string) => {
      const href = /^(https?:|\/|#)/.test(target) ? target : pageUrl(basePath, target);
      return `<a href="${href}">${label}</a>`;
    });
}

/** Block markdown as the corpus uses it: paragraphs, "- " and "1. " lists, fenced code. */
export function renderMarkdown(markdown: string, basePath: string): string {
  const html: string[] = [];
  for (const block of splitKeepingFences(markdown)) {
    if (block.startsWith('```')) {
      const lines = block.split('\n');
      const lang = lines[0]!.slice(3).trim();
      const langClass = lang ? ` class="language-${escapeHtml(lang)}"` : '';
      html.push(`<pre><code${langClass}>${escapeHtml(lines.slice(1, -1).join('\n'))}</code></pre>`);
      continue;
    }
    const lines = block.split('\n');
    if (lines.every((line) => /^- /.test(line))) {
      html.push(`<ul>${lines.map((line) => `<li>${renderInline(line.slice(2), basePath)}</li>`).join('')}</ul>`);
    } else if (lines.every((line) => /^\d+\. /.test(line))) {
      html.push(`<ol>${lines.map((line) => `<li>${renderInline(line.replace(/^\d+\. /, ''), basePath)}</li>`).join('')}</ol>`);
    } else {
      html.push(`<p>${renderInline(block.replace(/\n/g, ' '), basePath)}</p>`);
    }
  }
  return html.join('\n');
}

/** Splits on blank lines, except inside ``` fences (code may contain blank lines). */
function splitKeepingFences(markdown: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  let inFence = false;
  const flush = () => {
    if (current.length) blocks.push(current.join('\n'));
    current = [];
  };
  for (const line of markdown.trim().split('\n')) {
    if (line.startsWith('```')) {
      if (!inFence) flush();
      current.push(line);
      inFence = !inFence;
      if (!inFence) flush();
    } else if (!inFence && line.trim() === '') {
      flush();
    } else {
      current.push(line);
    }
  }
  flush();
  return blocks;
}

function heading(level: 1 | 2, id: string, title: string): string {
  const safeId = escapeHtml(id);
  return `<h${level} id="${safeId}">${escapeHtml(title)}<a class="headerlink" href="#${safeId}" title="Permanent link">¶</a></h${level}>`;
}

export function renderPage(page: SitePage, allPages: readonly SitePage[], basePath: string): string {
  const navigation = allPages
    .map((other) => {
      const active = other.location === page.location ? ' md-nav__link--active' : '';
      const href = escapeHtml(pageUrl(basePath, other.location));
      return `<li class="md-nav__item"><a class="md-nav__link${active}" href="${href}">${escapeHtml(other.title)}</a></li>`;
    })
    .join('\n');
  const toc = page.sections
    .map((section) => `<li class="md-nav__item"><a class="md-nav__link" href="#${escapeHtml(section.anchor)}">${escapeHtml(section.title)}</a></li>`)
    .join('\n');
  const body = [
    heading(1, slugify(page.title), page.title),
    renderMarkdown(page.intro, basePath),
    ...page.sections.flatMap((section) => [heading(2, section.anchor, section.title), renderMarkdown(section.markdown, basePath)]),
  ].join('\n');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} - Spacelift Documentation</title>
<style>${STYLES}</style>
</head>
<body>
<header class="md-header"><a class="md-header__title" href="${escapeHtml(pageUrl(basePath, ''))}">Spacelift Documentation</a><span class="md-header__note">sandbox</span></header>
<div class="md-container">
<nav class="md-nav md-nav--primary" aria-label="Documentation"><ul class="md-nav__list">
${navigation}
</ul></nav>
<main class="md-main"><article class="md-content__inner md-typeset">
${body}
</article></main>
<nav class="md-nav md-nav--secondary" aria-label="Table of contents"><ul class="md-nav__list">
${toc}
</ul></nav>
</div>
<div id="llm-markdown-content" data-content="${escapeHtml(pageMarkdown(page))}" hidden></div>
</body>
</html>
`;
}

export function renderNotFound(basePath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Not found - Spacelift Documentation</title><style>${STYLES}</style></head>
<body><header class="md-header"><a class="md-header__title" href="${escapeHtml(pageUrl(basePath, ''))}">Spacelift Documentation</a></header>
<main class="md-main"><article class="md-content__inner md-typeset"><h1>404 - Not found</h1><p>There is no documentation page here.</p></article></main></body></html>
`;
}

const STYLES = `
body{margin:0;font:16px/1.6 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1f2330}
.md-header{display:flex;align-items:center;gap:12px;height:56px;padding:0 24px;background:#2b2f77;color:#fff}
.md-header__title{color:#fff;font-weight:700;text-decoration:none;font-size:18px}
.md-header__note{font-size:12px;opacity:.7}
.md-container{display:grid;grid-template-columns:260px minmax(0,1fr) 220px;gap:24px;max-width:1400px;margin:0 auto}
.md-nav__list{list-style:none;margin:0;padding:24px 0 24px 24px;font-size:14px}
.md-nav__link{display:block;padding:3px 0;color:#444a60;text-decoration:none}
.md-nav__link--active{color:#4051b5;font-weight:600}
.md-nav--secondary .md-nav__list{padding:24px 24px 24px 0}
.md-main{min-width:0}
.md-typeset{padding:24px 0 64px;max-width:780px}
.md-typeset h1{font-size:32px;font-weight:400;margin:0 0 24px}
.md-typeset h2{font-size:22px;font-weight:500;margin:36px 0 12px}
.headerlink{margin-left:8px;color:#c3c7d7;text-decoration:none;font-size:.8em;opacity:0}
h1:hover .headerlink,h2:hover .headerlink,.headerlink:focus{opacity:1}
.md-typeset code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85em;background:#f2f3f7;padding:1px 4px;border-radius:3px}
.md-typeset pre{background:#f5f6fa;padding:14px 16px;border-radius:6px;overflow:auto}
.md-typeset pre code{background:none;padding:0}
.md-typeset a{color:#4051b5}
`;
