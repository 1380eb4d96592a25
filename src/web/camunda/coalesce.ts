import { type CamundaPort } from './port';

/** Port methods that only read: their answers may be shared. Every other method is a command. */
const READ = /^(search|get)|^sequenceFlows$/;

/**
 * The same port, where a read identical to one still in flight shares that read's answer instead of asking again.
 * Many people of one role open the same list at the same time (the office's monitoring, a team's task list), and
 * each page asks the same searches; under 50 such connections the engine answered the same search dozens of times
 * at once. Each caller gets an answer of its own (the last one the original, the others copies), so nobody sees
 * another's changes to it.
 *
 * A read joins only reads that started after this web app's last command settled, so a page shown after a user's
 * own completion, claim or deployment never comes from a read begun before it (read-your-writes). Changes made by
 * others are seen as late as Camunda's searches show them anyway: at most one read's time later.
 */
export function coalesceReads(port: CamundaPort): CamundaPort {
  let epoch = 0;
  const inFlight = new Map<string, { epoch: number; answer: Promise<unknown>; waiting: number }>();
  const wrapped: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(port) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    if (!READ.test(name)) {
      wrapped[name] = async (...args: unknown[]) => {
        epoch += 1;
        try {
          return await call(...args);
        } finally {
          epoch += 1;
        }
      };
      continue;
    }
    wrapped[name] = (...args: unknown[]) => {
      const key = `${name} ${JSON.stringify(args)}`;
      const shared = inFlight.get(key);
      const entry = shared && shared.epoch === epoch ? shared : { epoch, answer: call(...args), waiting: 0 };
      if (entry !== shared) {
        inFlight.set(key, entry);
        const forget = () => {
          if (inFlight.get(key) === entry) inFlight.delete(key);
        };
        // registered before any caller's continuation, so the entry is closed to newcomers when those run
        entry.answer.then(forget, forget);
      }
      entry.waiting += 1;
      return entry.answer.then((answer) => {
        entry.waiting -= 1;
        // the last caller takes the answer itself, the others a copy (copying was a large part of a busy page)
        return entry.waiting === 0 && inFlight.get(key) !== entry ? answer : structuredClone(answer);
      });
    };
  }
  return wrapped as unknown as CamundaPort;
}
