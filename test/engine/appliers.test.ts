import { type EngineRecord } from '../../src/engine/api';
import { GraphCache } from '../../src/engine/model/graph-cache';
import { type ProcessingContext } from '../../src/engine/processing/context';
import { applierOf, applyRecord, latestRecordVersion } from '../../src/engine/state/appliers';
import { EngineState } from '../../src/engine/state/engine-state';

const record = (valueType: EngineRecord['valueType'], intent: string, value: EngineRecord['value'], recordVersion = 1): EngineRecord =>
  ({ position: 7, key: '2251799813685260', timestamp: 0, recordType: 'EVENT', valueType, intent, recordVersion, value });

describe('event appliers', () => {
  it('applies a known event and refuses one without an applier, leaving the state as it was', () => {
    // given
    const state = new EngineState(new GraphCache());
    const published = record('MESSAGE', 'PUBLISHED', { name: '整改回执', correlationKey: '峄-1', timeToLive: 60_000, messageId: '', variables: {}, tenantId: '<default>', deadline: 60_000 });

    // when
    applyRecord(state, published);
    const before = state.snapshot();
    const unknownIntent = () => applyRecord(state, record('MESSAGE', 'EXPLODED', {}));
    const noEvents = () => applyRecord(state, record('PROCESS_MESSAGE_SUBSCRIPTION', 'CREATED', {}));

    // then
    expect(state.messages.has('2251799813685260')).toBe(true);
    expect(unknownIntent).toThrow('Expected an applier for the event MESSAGE EXPLODED of record version 1 at position 7, but there is none');
    expect(noEvents).toThrow('Expected an applier for the event PROCESS_MESSAGE_SUBSCRIPTION CREATED');
    expect(state.snapshot()).toEqual(before);
  });

  it('refuses an event of a record version it has no applier for, and writes new events with the latest version', () => {
    // given a state holding a published message
    const state = new EngineState(new GraphCache());
    const value = { name: '整改回执', correlationKey: '峄-2', timeToLive: 60_000, messageId: '', variables: {}, tenantId: '<default>', deadline: 60_000 };
    applyRecord(state, record('MESSAGE', 'PUBLISHED', value));
    const before = state.snapshot();

    // when an event of the same value type and intent comes with a version no applier reads
    const newer = () => applyRecord(state, record('MESSAGE', 'EXPIRED', value, 2));
    const none = () => applyRecord(state, record('MESSAGE', 'EXPIRED', value, 0));

    // then it is refused and the state is unchanged; the registry names version 1 for what is written today
    expect(newer).toThrow('Expected an applier for the event MESSAGE EXPIRED of record version 2 at position 7, but there is none');
    expect(none).toThrow(/record version 0/);
    expect(state.snapshot()).toEqual(before);
    expect(applierOf({ valueType: 'MESSAGE', intent: 'EXPIRED', recordVersion: 1 })).toBeDefined();
    expect(latestRecordVersion('MESSAGE', 'EXPIRED')).toBe(1);
  });
});

// Checked by the compiler (tsc covers the tests), never called: the intent of a written event is one of its value
// type's intents, and a processor reads the state but cannot change it other than by an event.
export function processorContract(ctx: ProcessingContext): void {
  ctx.event('JOB', 'COMPLETED', '1', {});
  // @ts-expect-error ELEMENT_ACTIVATED is a PROCESS_INSTANCE intent, not a JOB one
  ctx.event('JOB', 'ELEMENT_ACTIVATED', '1', {});
  void ctx.state.jobs.get('1');
  // @ts-expect-error the state's collections are read-only for processors
  ctx.state.jobs.delete('1');
  // @ts-expect-error so are those of its sub-states
  ctx.state.signals.byElement.clear();
}
