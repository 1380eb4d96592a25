import { type CamundaPort, limitConcurrency, type SearchPage, type UserTask } from '../../src/web/camunda/port';

/** A port whose searches stay open until the test settles them, in the order they reached the engine. */
function heldPort() {
  const held: Array<{ filter: unknown; settle: (fail?: boolean) => void }> = [];
  const port = {
    searchUserTasks: (req: { filter?: unknown }) => new Promise<SearchPage<UserTask>>((resolve, reject) => {
      held.push({ filter: req.filter, settle: (fail) => (fail ? reject(new Error('engine refused')) : resolve({ items: [], page: { totalItems: 0 } })) });
    }),
  } as unknown as CamundaPort;
  return { port, held };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('engine calls of the web app', () => {
  it('keeps at most the limit in flight and starts the waiting calls in order as earlier ones settle', async () => {
    // given
    const { port, held } = heldPort();
    const limited = limitConcurrency(port, 2);
    // when five pages search at once
    const results = [1, 2, 3, 4, 5].map((n) => limited.searchUserTasks({ filter: { priority: n } }).then(() => 'ok', (e: Error) => e.message));
    await flush();
    // then two reach the engine, the others wait
    expect(held.map((c) => c.filter)).toEqual([{ priority: 1 }, { priority: 2 }]);
    // when one succeeds and one fails
    held[0].settle();
    held[1].settle(true);
    await flush();
    // then the next two start, in the order they were made, and the failure reaches its caller only
    expect(held.map((c) => c.filter)).toEqual([{ priority: 1 }, { priority: 2 }, { priority: 3 }, { priority: 4 }]);
    held[2].settle();
    held[3].settle();
    await flush();
    held[4].settle();
    expect(await Promise.all(results)).toEqual(['ok', 'engine refused', 'ok', 'ok', 'ok']);
  });
});
