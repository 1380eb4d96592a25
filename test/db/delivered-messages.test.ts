import { effectOf, recordEffect } from '../../src/db/effects';
import { domainStore } from '../../src/web/store/domain-store';
import { dialects, useStores } from '../support/stores';

describe.each(dialects)('reports delivered to the engine, on %s', (dialect) => {
  const stores = useStores(dialect);

  it('keeps the first answer of the engine under the report id, and a second record changes nothing', async () => {
    // given
    const store = await stores.open();
    const web = domainStore(store.db, { archiveDir: '/tmp', now: () => new Date('2027-05-20T01:00:00Z') });
    const first = { messageKey: '2251799813685300', processInstanceKey: '2251799813685250', at: '2027-05-20T01:00:00.000Z' };
    // when
    const before = await web.deliveredMessage('web-abc');
    await web.recordDeliveredMessage('web-abc', first);
    await web.recordDeliveredMessage('web-abc', { ...first, messageKey: '2251799813685999' });
    // then
    expect(before).toBeUndefined();
    await expect(web.deliveredMessage('web-abc')).resolves.toEqual(first);
    await expect(web.deliveredMessage('web-other')).resolves.toBeUndefined();
  }, 60_000);

  it('records an effect once, whoever records it later', async () => {
    // given
    const store = await stores.open();
    // when
    await recordEffect(store.db, 'k', '2027-01-01T00:00:00Z', { n: 1 });
    await recordEffect(store.db, 'k', '2027-01-02T00:00:00Z', { n: 2 });
    // then
    await expect(effectOf(store.db, 'k')).resolves.toEqual({ n: 1 });
  }, 60_000);
});
