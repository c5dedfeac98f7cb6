import type { ReactNode } from 'react';
import type { HighlightRange } from '../../lib/history/snippet';

/** Text with its matched words in <mark> (ranges from the search, in order, not overlapping). */
export function Highlighted({ text, ranges }: { text: string; ranges: readonly HighlightRange[] }) {
  if (ranges.length === 0) return <>{text}</>;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const [i, range] of ranges.entries()) {
    if (range.start < at || range.end > text.length) continue;
    if (range.start > at) pieces.push(text.slice(at, range.start));
    pieces.push(<mark key={i}>{text.slice(range.start, range.end)}</mark>);
    at = range.end;
  }
  if (at < text.length) pieces.push(text.slice(at));
  return <>{pieces}</>;
}
