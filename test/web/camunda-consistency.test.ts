// Camunda's searches show a command's effect later than its answer: the web app's port re-reads after completing,
// claiming and deploying until the change shows (bounded), so the next page does not show the old state.
import { fromCamundaClient } from '../../src/web/camunda/port';

/** A client whose searches show a completed task as open for the first `lag` reads after the completion. */
function laggingClient(lag: number) {
  let completedAt: number | undefined;
  let readsAfter = 0;
  const client = {
    completeUserTask: async () => {
      completedAt = Date.now();
    },
    searchUserTasks: async () => {
      if (completedAt !== undefined) readsAfter += 1;
      const stillShown = completedAt === undefined || readsAfter <= lag;
      return { items: stillShown ? [{ userTaskKey: '1', state: 'CREATED' }] : [], page: { totalItems: stillShown ? 1 : 0 } };
    },
  };
  return { client, reads: () => readsAfter };
}

describe('waiting for Camunda\'s eventual consistency', () => {
  it('answers a completion once the search no longer shows the task open', async () => {
    // given searches that lag three reads behind
    const { client, reads } = laggingClient(3);
    const port = fromCamundaClient(client as never, { settleMs: 5000 });
    // when
    await port.completeUserTask('1', {});
    // then the completion returned only after the search caught up
    expect(reads()).toBe(4);
    expect((await port.searchUserTasks({ filter: { userTaskKey: '1', state: 'CREATED' } })).items).toEqual([]);
  });

  it('gives up waiting after the settle time, without failing the completion', async () => {
    // given searches that never catch up
    const { client } = laggingClient(Number.POSITIVE_INFINITY);
    const port = fromCamundaClient(client as never, { settleMs: 200 });
    // when / then
    const started = Date.now();
    await expect(port.completeUserTask('1', {})).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
