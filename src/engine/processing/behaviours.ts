import { type BpmnElementType, type Key } from '../api';
import { type ProcessingContext } from './context';
import { type ElementProcessor } from './elements/shared/processor';

/**
 * What the shared BPMN life cycle calls but must not import (the element processors and two message commands
 * import the life cycle themselves): handed to every command on its context, not kept in module state.
 */
export interface Behaviours {
  processorFor(type: BpmnElementType): ElementProcessor;
  /** A subscription opened: correlate a buffered message to it. */
  correlateBuffered(ctx: ProcessingContext, subscriptionKey: Key): void;
  /** A root process instance ended: buffered messages may start the next instance. */
  rootEnded(ctx: ProcessingContext, bpmnProcessId: string): void;
}
