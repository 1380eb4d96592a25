import { type Key } from '../../../api';
import { type FlowNode } from '../../../model/graph';
import { type ProcessingContext } from '../../context';
import { type Element } from '../shared/element';

/** A subscription whose expressions were evaluated: opening it only writes records. */
export type PreparedSubscription = { ok: true; open: () => void } | { ok: false; message: string };

/**
 * What an event definition does for the elements that wait for it (timer, message, signal): intermediate catch
 * events, receive tasks, boundary events, event sub-process starts and the targets of an event-based gateway.
 */
export interface CatchDefinition {
  /** Whether the catch node waits for this definition. */
  catches(node: FlowNode): boolean;
  /** Evaluates the subscription's expressions in the waiting element's scope; nothing is written yet. */
  prepare(ctx: ProcessingContext, el: Element, catchNode: FlowNode): PreparedSubscription;
  /** Closes the subscriptions an element instance owns; with `only`, just those of the given catch elements. */
  close(ctx: ProcessingContext, elementInstanceKey: Key, only?: ReadonlySet<string>): void;
}

/** How an intermediate throw or end event with this definition is activated. */
export type ThrowBehaviour = (ctx: ProcessingContext, el: Element) => void;
