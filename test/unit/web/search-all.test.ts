import { searchAll } from '../../../src/reports/compliance/collect';

describe('searching everything', () => {
  it('pages through a search to its last item', async () => {
    // given: 2,500 items served 1,000 at most per page
    const all = Array.from({ length: 2500 }, (_, i) => i);
    const asked: number[] = [];
    // when
    const items = await searchAll(async ({ from, limit }) => {
      asked.push(from);
      return { items: all.slice(from, from + Math.min(limit, 1000)), page: { totalItems: all.length } };
    });
    // then
    expect(items).toEqual(all);
    expect(asked).toEqual([0, 1000, 2000]);
  });
});
