import { type Key } from '../../api';
import { type ProcessingContext } from '../context';

/**
 * Late-bound calls from the BPMN behaviours into command processors (installed once by the engine), which
 * keeps the behaviours free of import cycles.
 */
export const hooks = {
  /** A subscription opened: correlate a buffered message to it. */
  correlateBuffered: (_ctx: ProcessingContext, _subscriptionKey: Key): void => undefined,
  /** A root process instance ended: buffered messages may start the next instance. */
  rootEnded: (_ctx: ProcessingContext, _bpmnProcessId: string): void => undefined,
};
