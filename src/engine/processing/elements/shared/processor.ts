import { type JsonObject } from '../../../api';
import { type ProcessingContext } from '../../context';
import { type Element } from './element';

/**
 * The behaviour of one BPMN element kind. The shared life cycle (lifecycle.ts) writes ELEMENT_ACTIVATING and
 * ELEMENT_COMPLETING and calls these hooks; each hook may stop early after raising an incident, and is run
 * again when that incident is resolved.
 */
export interface ElementProcessor {
  /** After ELEMENT_ACTIVATING: mappings, subscriptions, jobs…; writes ELEMENT_ACTIVATED. */
  onActivate(ctx: ProcessingContext, el: Element): void;
  /** After ELEMENT_COMPLETING: output mappings, then finish (ELEMENT_COMPLETED, outgoing flows). */
  onComplete(ctx: ProcessingContext, el: Element): void;
  /** While terminating, before the children are terminated: cancel jobs, user tasks… */
  onTerminate?(ctx: ProcessingContext, el: Element): void;
  /**
   * Scopes that follow their children (multi-instance body, call activity for its called process): a child is
   * about to write ELEMENT_COMPLETED (its variables still exist); false after raising an incident on the child.
   */
  onChildCompleting?(ctx: ProcessingContext, scope: Element, child: Element): boolean;
  /** The child completed; replaces the default "complete the scope when no child is left". */
  onChildCompleted?(ctx: ProcessingContext, scope: Element, child: Element): void;
  /** Elements that own the subscriptions of other catch elements (event-based gateway): one of them triggered. */
  onEventTriggered?(ctx: ProcessingContext, el: Element, catchElementId: string, payload: JsonObject | undefined): void;
}
