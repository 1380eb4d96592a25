import { type Key } from '../api';
import { JournaledMap, type StateJournal } from './journal';

/** SIGNAL_SUBSCRIPTION record value: a waiting catch element, or a signal start event (catchEventInstanceKey -1). */
export interface SignalSubscription {
  signalName: string;
  /** The element instance that owns the subscription (catch event, activity with boundary event, gateway, scope). */
  catchEventInstanceKey: Key;
  /** The catch element to trigger. */
  catchEventId: string;
  processDefinitionKey: Key;
  bpmnProcessId: string;
  tenantId: string;
}

/** Open signal subscriptions by key, indexed by owning element instance. */
export class SignalState {
  readonly subscriptions: Map<Key, SignalSubscription>;
  readonly byElement: Map<Key, Key[]>;

  constructor(journal: StateJournal) {
    this.subscriptions = new JournaledMap<Key, SignalSubscription>(journal);
    this.byElement = new JournaledMap<Key, Key[]>(journal);
  }

  snapshot(): Record<string, unknown> {
    const sorted = (map: Map<string, unknown>): Record<string, unknown> => Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return { subscriptions: sorted(this.subscriptions), byElement: sorted(this.byElement) };
  }
}
