import { type BpmnEventType } from '../../../../api';
import { type FlowNode } from '../../../../model/graph';
import { type ProcessingContext } from '../../../context';
import { type Element } from '../../shared/element';
import { type CatchDefinition, type ThrowBehaviour } from '../event-definition';
import { throwError } from './error';
import { throwEscalation } from './escalation';
import { messageCatch, throwMessage } from './message';
import { signalCatch, throwSignal } from './signal';
import { completeTerminateEndEvent } from './terminate';
import { timerCatch } from './timer';

/**
 * The event definitions the engine supports, each in a file of its own: what the catch, throw and end events
 * delegate to. Link, compensation and conditional definitions are refused at deployment (model/supported.ts).
 */

/** Definitions that waiting elements subscribe to, in the order a catch node is matched against them. */
export const CATCH_DEFINITIONS: readonly CatchDefinition[] = [timerCatch, messageCatch, signalCatch];

export function catchDefinitionOf(node: FlowNode): CatchDefinition | undefined {
  return CATCH_DEFINITIONS.find((definition) => definition.catches(node));
}

// behind functions: the definition modules and the element processors import each other
const THROWS: Partial<Record<BpmnEventType, ThrowBehaviour>> = {
  MESSAGE: (ctx, el) => throwMessage(ctx, el),
  SIGNAL: (ctx, el) => throwSignal(ctx, el),
  ERROR: (ctx, el) => throwError(ctx, el),
  ESCALATION: (ctx, el) => throwEscalation(ctx, el),
};

/** How an intermediate throw or end event with this definition is activated; none for none and terminate events. */
export function throwBehaviourOf(eventType: BpmnEventType): ThrowBehaviour | undefined {
  return THROWS[eventType];
}

/** How an end event with this definition completes, when it does more than map its outputs and end its token. */
export function endCompletionOf(eventType: BpmnEventType): ((ctx: ProcessingContext, el: Element) => void) | undefined {
  return eventType === 'TERMINATE' ? completeTerminateEndEvent : undefined;
}
