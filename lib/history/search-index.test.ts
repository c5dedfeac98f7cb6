import { describe, expect, it } from 'vitest';
import { BUCKET_SIZE, buildPostings, bucketOf, packPostings, PostingView, unpackPostings, type PostingColumns } from './search-index';

describe('search index rows', () => {
  it('packs and unpacks postings losslessly, small numbers in one byte', () => {
    const columns: PostingColumns = {
      d: [0, 1, 63, 64_000_000],
      t: [0, 1, 0, 300],
      b: [1, 0, 70_000, 2],
      a: [1_747_040_404, 1_700_000_000, 0, 4_102_444_800],
      n: [2, 0, 3, 1],
      s: [0, 7, 1, 2, 499, 65_536],
    };
    const packed = packPostings(columns);
    expect(unpackPostings(packed)).toEqual(columns);
    expect(unpackPostings(packPostings({ d: [], t: [], b: [], a: [], n: [], s: [] })).d).toEqual([]);
    const small = packPostings({ d: [5], t: [0], b: [1], a: [0], n: [1], s: [3] });
    expect(small.length).toBe(7);
  });

  it('reads one conversation without unpacking the others', () => {
    const view = new PostingView(packPostings({ d: [2, 9, 40], t: [0, 1, 0], b: [3, 0, 1], a: [10, 20, 5], n: [2, 0, 1], s: [1, 4, 8] }));
    expect(view.length).toBe(3);
    expect(view.indexOf(9)).toBe(1);
    expect(view.indexOf(10)).toBe(-1);
    expect([view.docNo(2), view.title(1), view.body(0), view.at(2)]).toEqual([40, 1, 3, 5]);
    expect(view.seqs(0)).toEqual([1, 4]);
    expect(view.seqs(1)).toEqual([]);
    expect(view.seqs(2)).toEqual([8]);
  });

  it('builds one row per term and bucket of conversations, docNos ascending', () => {
    const rows = buildPostings([
      { docNo: BUCKET_SIZE, title: 'Drift', titleAt: 5000, messages: [{ seq: 0, text: 'drift drift', at: 6000 }] },
      { docNo: 3, title: 'Other', titleAt: 1000, messages: [{ seq: 2, text: 'drift here', at: 2000 }, { seq: 0, text: 'no', at: 1000 }] },
      { docNo: 1, title: 'Drift', titleAt: 1000, messages: [] },
    ]);
    const drift = rows.filter((r) => r.term === 'drift').map((r) => ({ bucket: r.bucket, ...unpackPostings(r.p) }));
    expect(drift).toEqual([
      { bucket: 0, d: [1, 3], t: [1, 0], b: [0, 1], a: [1, 2], n: [0, 1], s: [2] },
      { bucket: bucketOf(BUCKET_SIZE), d: [BUCKET_SIZE], t: [1], b: [2], a: [6], n: [1], s: [0] },
    ]);
  });
});
