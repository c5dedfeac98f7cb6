// Tiny DOM builder. Everything from the server goes in as text nodes, never as HTML.

/**
 * h('a', { href: '/stacks', dataset: { testid: 'x' } }, 'Stacks')
 * Attributes: `class`, `dataset`, `on*` handlers, booleans (true sets, false/null omits).
 * Children: strings, numbers, nodes, arrays (flattened); null/undefined/false are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value == null || value === false) continue;
    if (name === 'dataset') {
      for (const [key, dataValue] of Object.entries(value)) {
        if (dataValue != null) element.dataset[key] = String(dataValue);
      }
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

export function append(parent, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Inline SVG icon from a list of path `d` strings (24×24, stroked). */
export function icon(paths, className = 'icon') {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('class', className);
  svg.setAttribute('aria-hidden', 'true');
  for (const d of paths) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}
