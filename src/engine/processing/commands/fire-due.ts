import { type DueEntry } from '../../scheduler/due-queue';
import { type ProcessingContext } from '../context';
import { expireMessage } from './messages';
import { recurJob, timeOutJob } from './job-commands';
import { triggerTimer } from '../elements/events/definitions/timer';

/** Processes entries that fell due; each processor re-checks the state and ignores stale entries. */
export function fireDue(ctx: ProcessingContext, entries: readonly DueEntry[]): void {
  for (const entry of entries) {
    switch (entry.kind) {
      case 'job-timeout':
        timeOutJob(ctx, entry.key);
        break;
      case 'job-backoff':
        recurJob(ctx, entry.key);
        break;
      case 'message-ttl':
        expireMessage(ctx, entry.key);
        break;
      case 'timer':
        triggerTimer(ctx, entry.key);
        break;
    }
    ctx.drain();
  }
}
