import { coalesceReads } from '../../src/web/camunda/coalesce';
import { type CamundaPort, type SearchPage, type UserTask } from '../../src/web/camunda/port';

/** A port whose calls stay open until the test settles them; it counts what reached the engine. */
function heldPort() {
  const reads: Array<{ filter: unknown; settle: (answer: SearchPage<UserTask> | Error) => void }> = [];
  const commands: Array<() => void> = [];
  const port = {
    searchUserTasks: (req: { filter?: unknown }) => new Promise<SearchPage<UserTask>>((resolve, reject) => {
      reads.push({ filter: req.filter, settle: (answer) => (answer instanceof Error ? reject(answer) : resolve(answer)) });
    }),
    completeUserTask: () => new Promise<void>((resolve) => commands.push(resolve)),
  } as unknown as CamundaPort;
  return { port, reads, commands };
}

const page = (...keys: string[]): SearchPage<UserTask> => ({ items: keys.map((userTaskKey) => ({ userTaskKey })), page: { totalItems: keys.length } });
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('reads the web app shares', () => {
  it('asks the engine once for identical reads in flight and gives each caller its own copy', async () => {
    // given
    const { port, reads } = heldPort();
    const shared = coalesceReads(port);
    // when three pages search the same thing at once and one other thing
    const same = [1, 2, 3].map(() => shared.searchUserTasks({ filter: { candidateGroup: 'office' } }));
    const other = shared.searchUserTasks({ filter: { candidateGroup: 'committee' } });
    await flush();
    // then two searches reach the engine
    expect(reads.map((r) => r.filter)).toEqual([{ candidateGroup: 'office' }, { candidateGroup: 'committee' }]);
    const engineAnswer = page('1', '2');
    reads[0].settle(engineAnswer);
    reads[1].settle(page('9'));
    const answers = await Promise.all(same);
    expect(answers.map((a) => a.items.map((t) => t.userTaskKey))).toEqual([['1', '2'], ['1', '2'], ['1', '2']]);
    expect((await other).items).toEqual([{ userTaskKey: '9' }]);
    // and a caller changing its answer changes nobody else's
    answers[0].items.pop();
    expect(answers[1].items).toHaveLength(2);
    // and only the last caller holds the engine's answer itself, the others copies
    expect(answers.map((a) => a === engineAnswer)).toEqual([false, false, true]);
  });

  it('gives a read nobody shared the engine\'s answer itself, without copying it', async () => {
    const { port, reads } = heldPort();
    const shared = coalesceReads(port);
    const alone = shared.searchUserTasks({ filter: { assignee: 'b' } });
    await flush();
    const engineAnswer = page('1');
    reads[0].settle(engineAnswer);
    expect(await alone).toBe(engineAnswer);
  });

  it('asks again once the read has settled', async () => {
    const { port, reads } = heldPort();
    const shared = coalesceReads(port);
    const first = shared.searchUserTasks({ filter: { assignee: 'a' } });
    await flush();
    reads[0].settle(page('1'));
    await first;
    const second = shared.searchUserTasks({ filter: { assignee: 'a' } });
    await flush();
    expect(reads).toHaveLength(2);
    reads[1].settle(page('1', '2'));
    expect((await second).items).toHaveLength(2);
  });

  it('never answers a read made after a command settled with a read begun before it (read-your-writes)', async () => {
    // given a search in flight when a user completes a task
    const { port, reads, commands } = heldPort();
    const shared = coalesceReads(port);
    const before = shared.searchUserTasks({ filter: { candidateGroup: 'office' } });
    const completion = shared.completeUserTask('1', {});
    await flush();
    commands[0]();
    await completion;
    // when the page after the completion searches the same thing
    const after = shared.searchUserTasks({ filter: { candidateGroup: 'office' } });
    await flush();
    // then it asks the engine itself and sees the task gone
    expect(reads).toHaveLength(2);
    reads[0].settle(page('1', '2'));
    reads[1].settle(page('2'));
    expect((await before).items).toHaveLength(2);
    expect((await after).items).toEqual([{ userTaskKey: '2' }]);
  });

  it('passes a refusal to every caller that shared the read, and asks again afterwards', async () => {
    const { port, reads } = heldPort();
    const shared = coalesceReads(port);
    const both = [1, 2].map(() => shared.searchUserTasks({ filter: {} }).then(() => 'ok', (e: Error) => e.message));
    await flush();
    reads[0].settle(new Error('engine refused'));
    expect(await Promise.all(both)).toEqual(['engine refused', 'engine refused']);
    const again = shared.searchUserTasks({ filter: {} });
    await flush();
    expect(reads).toHaveLength(2);
    reads[1].settle(page());
    await expect(again).resolves.toEqual(page());
  });
});
