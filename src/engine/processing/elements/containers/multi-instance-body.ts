import { evaluate, evaluateTyped } from '../../../feel';
import { type LoopDefinition } from '../../../model/extended-details';
import { type ProcessingContext } from '../../context';
import { type Element, lifecycle } from '../shared/element';
import { raiseIncident } from '../shared/incidents';
import { activateElement, baseOf, completeElement, finishCompletion, terminateChildren } from '../shared/lifecycle';
import { type ElementProcessor } from '../shared/processor';
import { boundaryCatchNodes, openSubscriptions } from '../events/subscriptions';
import { mergeLocal, propagate, setVariable } from '../shared/variables';

/**
 * Multi-instance body (A8): evaluates the input collection once on activation and records it on the body (later
 * changes of the variable change neither the items nor their count; replay gives the same), creates the inner
 * instances (all at once, or one after the other), collects the output collection, and completes when all inner
 * instances ended or the completion condition holds. Boundary events are attached to the body.
 */
export const multiInstanceBodyProcessor: ElementProcessor = {
  onActivate(ctx: ProcessingContext, el: Element): void {
    const loop = loopOf(el);
    const collection = evaluateInputCollection(ctx, el, loop);
    if (!collection) return;
    ctx.event('MULTI_INSTANCE', 'INPUT_COLLECTION_EVALUATED', el.inst.key, {
      inputCollection: collection, processInstanceKey: el.inst.processInstanceKey, elementId: el.node.id, tenantId: el.inst.tenantId,
    });
    if (!openSubscriptions(ctx, el, boundaryCatchNodes(el))) return;
    lifecycle(ctx, el, 'ELEMENT_ACTIVATED');
    if (loop.outputCollection) setVariable(ctx, el.inst.key, loop.outputCollection, collection.map(() => null));
    if (collection.length === 0) return completeElement(ctx, el);
    const count = loop.isSequential ? 1 : collection.length;
    for (let i = 0; i < count; i++) createInnerInstance(ctx, el, loop, collection[i], i + 1);
  },
  onComplete(ctx: ProcessingContext, el: Element): void {
    const loop = loopOf(el);
    if (loop.outputCollection) {
      const json = ctx.state.localVariable(el.inst.key, loop.outputCollection);
      const value = json === undefined ? [] : (JSON.parse(json) as unknown);
      propagate(ctx, el.inst.flowScopeKey, { [loop.outputCollection]: value });
    }
    finishCompletion(ctx, el);
  },
  onChildCompleting(ctx: ProcessingContext, body: Element, child: Element): boolean {
    const loop = loopOf(body);
    if (loop.outputCollection && loop.outputElement && !collectOutput(ctx, body, child, loop)) return false;
    if (!loop.completionCondition) return true;
    const variables = { ...ctx.state.visibleVariables(child.inst.key), ...counters(ctx, body, 1) };
    const result = evaluateTyped(loop.completionCondition, 'BOOLEAN', variables, ctx.now);
    if (!result.ok) {
      raiseIncident(ctx, child, 'EXTRACT_VALUE_ERROR', result.message);
      return false;
    }
    if (result.value) ctx.completionConditionsMet.add(child.inst.key);
    return true;
  },
  onChildCompleted(ctx: ProcessingContext, body: Element, child: Element): void {
    const loop = loopOf(body);
    if (ctx.completionConditionsMet.delete(child.inst.key)) {
      terminateChildren(ctx, body.inst);
      return completeElement(ctx, body);
    }
    if (loop.isSequential) {
      // one inner instance at a time: the ended ones are the loop counter of the one that just completed
      const loopCounter = (body.inst.completedChildren ?? 0) + (body.inst.terminatedChildren ?? 0);
      const collection = body.inst.inputCollection ?? evaluateInputCollection(ctx, body, loop);
      if (!collection) return;
      if (loopCounter < collection.length) return void createInnerInstance(ctx, body, loop, collection[loopCounter], loopCounter + 1);
    }
    if (body.inst.children.length === 0) completeElement(ctx, body);
  },
};

function loopOf(el: Element): LoopDefinition {
  if (!el.node.loop) throw new Error(`Element '${el.node.id}' has no multi-instance loop characteristics`);
  return el.node.loop;
}

/**
 * The input collection, evaluated in the body's scope; it must be an array (EXTRACT_VALUE_ERROR on the body). Only on
 * activation: later iterations use the collection kept on the body (evaluated again only for a body activated from a
 * log written before the collection was recorded).
 */
function evaluateInputCollection(ctx: ProcessingContext, el: Element, loop: LoopDefinition): unknown[] | undefined {
  const result = evaluateTyped(loop.inputCollection, 'ARRAY', ctx.state.visibleVariables(el.inst.key), ctx.now);
  if (result.ok) return result.value;
  raiseIncident(ctx, el, 'EXTRACT_VALUE_ERROR', result.message);
  return undefined;
}

/**
 * An inner instance with its locals set before its own activation (and input mappings): the input element,
 * loopCounter, and the root name of a plain-path output element (so that job results land there).
 */
function createInnerInstance(ctx: ProcessingContext, body: Element, loop: LoopDefinition, item: unknown, loopCounter: number): void {
  const inner = body.graph.innerActivities?.get(body.node.id);
  if (!inner) throw new Error(`Multi-instance activity '${body.node.id}' has no inner activity`);
  activateElement(ctx, body.graph, inner, body.inst.key, baseOf(body.inst), {
    beforeActivate: (el) => {
      const locals: Record<string, unknown> = {};
      if (loop.inputElement) locals[loop.inputElement] = item;
      const outputRoot = plainPathRoot(loop.outputElement);
      if (outputRoot && outputRoot !== 'loopCounter' && !(outputRoot in locals)) locals[outputRoot] = null;
      locals.loopCounter = loopCounter;
      mergeLocal(ctx, el.inst.key, locals);
    },
  });
}

function plainPathRoot(expression: string | undefined): string | undefined {
  const match = expression?.trim().match(/^=\s*([A-Za-z_][\w]*)(\.[A-Za-z_][\w]*)*\s*$/);
  return match ? match[1] : undefined;
}

/** Writes the inner instance's output element at its loopCounter index of the body's output collection. */
function collectOutput(ctx: ProcessingContext, body: Element, child: Element, loop: LoopDefinition): boolean {
  const name = loop.outputCollection ?? '';
  const result = evaluate(loop.outputElement ?? '', ctx.state.visibleVariables(child.inst.key), ctx.now);
  if (!result.ok) {
    raiseIncident(ctx, child, 'EXTRACT_VALUE_ERROR', result.message);
    return false;
  }
  const loopCounter = Number(ctx.state.localVariable(child.inst.key, 'loopCounter') ?? '0');
  const json = ctx.state.localVariable(body.inst.key, name);
  const collection = json === undefined ? [] : (JSON.parse(json) as unknown[]);
  collection[loopCounter - 1] = result.value;
  setVariable(ctx, body.inst.key, name, Array.from(collection, (v) => (v === undefined ? null : v)));
  return true;
}

/** The numberOf… variables of the completion condition; `completing` counts the instance that is completing now. */
function counters(ctx: ProcessingContext, body: Element, completing: number): Record<string, number> {
  const inst = ctx.state.instance(body.inst.key) ?? body.inst;
  const completed = (inst.completedChildren ?? 0) + completing;
  const terminated = inst.terminatedChildren ?? 0;
  const active = inst.children.length - completing;
  // as in Zeebe: the inner instances created so far (for a sequential loop not the collection size)
  const created = completed + terminated + active;
  return { numberOfInstances: created, numberOfActiveInstances: active, numberOfCompletedInstances: completed, numberOfTerminatedInstances: terminated };
}
