/**
 * One short line for a tool card's collapsed state: what came back, at a glance.
 * Outputs are the tools' own results (as the panel receives them, unwrapped).
 */
export function summarizeToolResult(toolName: string, output: unknown): string {
  const value = output as Record<string, any> | string | null | undefined;
  if (value == null) return '';
  switch (toolName) {
    case 'query_graphql': {
      if (typeof value !== 'object') return '';
      const errors = (value.errors as { message: string }[] | undefined) ?? [];
      const counts = Object.entries((value.data as Record<string, unknown> | null) ?? {}).map(([field, result]) =>
        Array.isArray(result) ? `${result.length} ${field}` : result == null ? `no ${field}` : field,
      );
      const parts = [...counts, ...(errors.length ? [`${errors.length} error${errors.length > 1 ? 's' : ''}: ${errors[0]!.message}`] : [])];
      return truncate(parts.join(', '));
    }
    case 'search_docs': {
      const results = (typeof value === 'object' && (value.results as { title: string }[])) || [];
      return results.length ? truncate(`${results.length} results · ${results[0]!.title}`) : 'no results';
    }
    case 'read_docs_page':
      return typeof value === 'object' ? truncate(String(value.title ?? value.url ?? '')) : '';
    case 'navigate':
      return typeof value === 'object' ? truncate(`opened ${value.openedPath ?? value.url ?? ''}`) : '';
    case 'page_context': {
      const page = (typeof value === 'object' && (value.untrusted_data?.content ?? value)) as Record<string, any>;
      return truncate(String(page?.title ?? page?.url ?? ''));
    }
    case 'inspect_graphql':
      return typeof value === 'string' ? truncate(value.split('\n').find((line) => line.trim()) ?? '') : '';
    default:
      return typeof value === 'string' ? truncate(value) : '';
  }
}

function truncate(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
