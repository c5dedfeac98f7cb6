import { describe, expect, it } from 'vitest';
import { dayLabel, groupByDay, rowTime } from './day-groups';

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = at(2026, 11, 25, 9, 30);

describe('History by day', () => {
  it('labels today, yesterday, then dates (with the year only when it is another year)', () => {
    expect(dayLabel(at(2026, 11, 25, 0, 1), NOW, 'en-GB')).toBe('Today');
    expect(dayLabel(at(2026, 11, 24, 23, 59), NOW, 'en-GB')).toBe('Yesterday');
    expect(dayLabel(at(2026, 11, 24, 0, 0), NOW, 'en-GB')).toBe('Yesterday');
    expect(dayLabel(at(2026, 11, 23, 23, 59), NOW, 'en-GB')).toBe('Mon 23 Nov');
    expect(dayLabel(at(2025, 12, 31), NOW, 'en-GB')).toBe('Wed, 31 Dec 2025');
  });

  it('puts one header before each day of a newest-first list', () => {
    const items = [
      { id: 'a', t: at(2026, 11, 25, 9) },
      { id: 'b', t: at(2026, 11, 25, 8) },
      { id: 'c', t: at(2026, 11, 24, 18) },
      { id: 'd', t: at(2026, 11, 20, 10) },
      { id: 'e', t: at(2026, 11, 20, 9) },
    ];
    const rows = groupByDay(items, (i) => i.t, (i) => i.id, NOW, 'en-GB');
    expect(rows.map((r) => (r.kind === 'day' ? `# ${r.label}` : r.key))).toEqual(['# Today', 'a', 'b', '# Yesterday', 'c', '# Fri 20 Nov', 'd', 'e']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('shows the time for today and yesterday, the date before', () => {
    expect(rowTime(at(2026, 11, 24, 18, 5), NOW, 'en-GB')).toBe('18:05');
    expect(rowTime(at(2026, 11, 20, 18, 5), NOW, 'en-GB')).toBe('20 Nov');
  });
});
