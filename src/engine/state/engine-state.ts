import { type JsonObject, type Key } from '../api';
import { compareKeys } from '../keys';
import { type ProcessGraph } from '../model/graph';
import {
  type BufferedMessage, type ElementInstance, type FormDefinition, type Incident, type Job, type MessageStartSubscription,
  type MessageSubscription, type ProcessDefinition, type Timer, type UserTask,
} from './types';
import { DecisionState } from './decisions';
import { SignalState } from './signals';
import { JournaledMap, StateJournal } from './journal';

/**
 * The engine's state, rebuilt from the record log by the appliers (the only code that mutates it). Processors
 * read it; they never write it directly.
 */
export class EngineState {
  /** Before-images of the entries the current batch changed (see journal.ts). */
  readonly journal = new StateJournal();
  readonly processes = new JournaledMap<Key, ProcessDefinition>(this.journal);
  /** `${tenantId}/${bpmnProcessId}` → definition keys ordered by version. */
  readonly processVersions = new JournaledMap<string, Key[]>(this.journal);
  readonly forms = new JournaledMap<Key, FormDefinition>(this.journal);
  readonly formVersions = new JournaledMap<string, Key[]>(this.journal);
  /** Highest version ever deployed per `${tenantId}/${id}` of processes and forms: deleted versions are not reused. */
  readonly highestVersions = new JournaledMap<string, number>(this.journal);
  readonly elementInstances = new JournaledMap<Key, ElementInstance>(this.journal);
  /** scopeKey → variable name → JSON text. */
  readonly variables = new JournaledMap<Key, Map<string, string>>(this.journal);
  readonly jobs = new JournaledMap<Key, Job>(this.journal);
  readonly incidents = new JournaledMap<Key, Incident>(this.journal);
  readonly timers = new JournaledMap<Key, Timer>(this.journal);
  readonly messages = new JournaledMap<Key, BufferedMessage>(this.journal);
  readonly messageSubscriptions = new JournaledMap<Key, MessageSubscription>(this.journal);
  /** `${processDefinitionKey}/${startEventId}` → subscription of the latest version's message start events. */
  readonly messageStartSubscriptions = new JournaledMap<string, MessageStartSubscription>(this.journal);
  /** `${bpmnProcessId}/${correlationKey}` → root instance created by a message with that correlation key. */
  readonly messageStartedInstances = new JournaledMap<string, Key>(this.journal);
  readonly userTasks = new JournaledMap<Key, UserTask>(this.journal);
  /** Indexes kept by the appliers: element instance key → timer / message subscription keys. */
  readonly timersByElement = new JournaledMap<Key, Key[]>(this.journal);
  readonly subscriptionsByElement = new JournaledMap<Key, Key[]>(this.journal);
  /** messageIndexKey(tenant, name, correlationKey) → open subscription keys / buffered message keys, oldest first. */
  readonly subscriptionsByMessage = new JournaledMap<string, Key[]>(this.journal);
  readonly messagesByCorrelation = new JournaledMap<string, Key[]>(this.journal);
  /** Activatable job keys per job type, kept by the appliers through `setJobState`/`removeJob`. */
  readonly activatableByType = new JournaledMap<string, Set<Key>>(this.journal);
  /** Deployed DMN decisions and decision requirements graphs. */
  readonly decisions = new DecisionState(this.journal);
  readonly signals = new SignalState(this.journal);

  /** Graphs already resolved per definition (a WeakMap, so it is neither snapshotted nor keeps deleted ones). */
  private readonly resolvedGraphs = new WeakMap<ProcessDefinition, ProcessGraph>();

  constructor(private readonly graphs: GraphResolver) {}

  /** Called for nearly every step of every instance: the resolver's lookup by checksum and id is done once. */
  graphOf(processDefinitionKey: Key): ProcessGraph {
    const definition = this.processes.get(processDefinitionKey);
    if (!definition) throw new Error(`No process definition with key '${processDefinitionKey}'`);
    let graph = this.resolvedGraphs.get(definition);
    if (!graph) {
      graph = this.graphs.resolve(definition);
      this.resolvedGraphs.set(definition, graph);
    }
    return graph;
  }

  latestProcess(bpmnProcessId: string, tenantId: string): ProcessDefinition | undefined {
    const keys = this.processVersions.get(`${tenantId}/${bpmnProcessId}`);
    return keys && keys.length > 0 ? this.processes.get(keys[keys.length - 1]) : undefined;
  }

  processVersion(bpmnProcessId: string, version: number, tenantId: string): ProcessDefinition | undefined {
    const keys = this.processVersions.get(`${tenantId}/${bpmnProcessId}`) ?? [];
    for (const key of keys) {
      const definition = this.processes.get(key);
      if (definition?.version === version) return definition;
    }
    return undefined;
  }

  /** The version a new deployment of a process (`process:`) or form (`form:`) id gets. */
  nextVersion(kind: 'process' | 'form', id: string, tenantId: string): number {
    return (this.highestVersions.get(`${kind}:${tenantId}/${id}`) ?? 0) + 1;
  }

  latestForm(formId: string, tenantId: string): FormDefinition | undefined {
    const keys = this.formVersions.get(`${tenantId}/${formId}`);
    return keys && keys.length > 0 ? this.forms.get(keys[keys.length - 1]) : undefined;
  }

  instance(key: Key): ElementInstance | undefined {
    return this.elementInstances.get(key);
  }

  /** Variables visible from a scope: local first, then each flow scope up to the root (nearest wins). */
  visibleVariables(scopeKey: Key, names?: readonly string[]): JsonObject {
    const result: JsonObject = {};
    const wanted = names && names.length > 0 ? new Set(names) : undefined;
    let current: Key | undefined = scopeKey;
    while (current !== undefined && current !== '-1') {
      const vars = this.variables.get(current);
      if (vars) {
        for (const [name, json] of vars) {
          if (name in result || (wanted && !wanted.has(name))) continue;
          result[name] = JSON.parse(json) as unknown;
        }
      }
      current = this.elementInstances.get(current)?.flowScopeKey;
    }
    return result;
  }

  localVariable(scopeKey: Key, name: string): string | undefined {
    return this.variables.get(scopeKey)?.get(name);
  }

  /** The nearest scope (starting at `scopeKey`) that holds `name` locally, if any. */
  scopeHolding(scopeKey: Key, name: string): Key | undefined {
    let current: Key | undefined = scopeKey;
    while (current !== undefined && current !== '-1') {
      if (this.variables.get(current)?.has(name)) return current;
      current = this.elementInstances.get(current)?.flowScopeKey;
    }
    return undefined;
  }

  rootOf(key: Key): ElementInstance | undefined {
    let current = this.elementInstances.get(key);
    while (current && current.flowScopeKey !== '-1') current = this.elementInstances.get(current.flowScopeKey);
    return current;
  }

  activatableJobs(type: string, tenantIds: readonly string[] | undefined, limit: number): Job[] {
    const found: Job[] = [];
    for (const key of this.activatableByType.get(type) ?? []) {
      const job = this.jobs.get(key);
      if (!job || job.state !== 'ACTIVATABLE') continue;
      if (tenantIds && tenantIds.length > 0 && !tenantIds.includes(job.value.tenantId)) continue;
      found.push(job);
    }
    found.sort((a, b) => compareKeys(a.key, b.key));
    return found.slice(0, limit);
  }

  hasActivatableJobs(type: string): boolean {
    return (this.activatableByType.get(type)?.size ?? 0) > 0;
  }

  /** Changes a job's state and keeps the per-type index of activatable jobs (appliers only). */
  setJobState(job: Job, next: Job['state']): void {
    job.state = next;
    if (next !== 'ACTIVATABLE') {
      this.unindexJob(job);
      return;
    }
    let keys = this.activatableByType.get(job.value.type);
    if (!keys) this.activatableByType.set(job.value.type, (keys = new Set()));
    keys.add(job.key);
  }

  /** Removes a job (appliers only). */
  removeJob(key: Key): void {
    const job = this.jobs.get(key);
    if (!job) return;
    this.unindexJob(job);
    this.jobs.delete(key);
  }

  private unindexJob(job: Job): void {
    const keys = this.activatableByType.get(job.value.type);
    if (!keys) return;
    keys.delete(job.key);
    if (keys.size === 0) this.activatableByType.delete(job.value.type);
  }

  incidentsOf(elementInstanceKey: Key): Incident[] {
    return [...this.incidents.values()].filter((i) => i.value.elementInstanceKey === elementInstanceKey);
  }

  /** A plain, ordered copy of the whole state, to compare live state with state rebuilt from the log. */
  snapshot(): Record<string, unknown> {
    const plain = (map: Map<string, unknown>): Record<string, unknown> =>
      Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, v instanceof Map ? plain(v) : v]));
    return {
      processes: plain(this.processes),
      processVersions: plain(this.processVersions),
      forms: plain(this.forms),
      formVersions: plain(this.formVersions),
      highestVersions: plain(this.highestVersions),
      elementInstances: plain(this.elementInstances),
      variables: plain(this.variables as Map<string, unknown>),
      jobs: plain(this.jobs),
      incidents: plain(this.incidents),
      timers: plain(this.timers),
      messages: plain(this.messages),
      messageSubscriptions: plain(this.messageSubscriptions),
      messageStartSubscriptions: plain(this.messageStartSubscriptions),
      messageStartedInstances: plain(this.messageStartedInstances),
      userTasks: plain(this.userTasks),
      timersByElement: plain(this.timersByElement),
      subscriptionsByElement: plain(this.subscriptionsByElement),
      subscriptionsByMessage: plain(this.subscriptionsByMessage),
      messagesByCorrelation: plain(this.messagesByCorrelation),
      activatableByType: Object.fromEntries([...this.activatableByType].map(([t, keys]) => [t, [...keys].sort(compareKeys)]).sort()),
      decisions: this.decisions.snapshot(),
      signals: this.signals.snapshot(),
    };
  }
}

export function messageIndexKey(tenantId: string, name: string, correlationKey: string): string {
  return `${tenantId}\u0000${name}\u0000${correlationKey}`;
}

export function addToIndex(index: Map<Key, Key[]>, owner: Key, key: Key): void {
  const keys = index.get(owner);
  if (keys) keys.push(key);
  else index.set(owner, [key]);
}

export function removeFromIndex(index: Map<Key, Key[]>, owner: Key, key: Key): void {
  const keys = index.get(owner)?.filter((k) => k !== key);
  if (keys && keys.length > 0) index.set(owner, keys);
  else index.delete(owner);
}

/** Gives the parsed graph of a deployed definition (parsed once, cached by the engine). */
export interface GraphResolver {
  resolve(definition: ProcessDefinition): ProcessGraph;
}

/** A collection seen through its read-only interface; sub-states (decisions, signals) read-only in turn. */
type ReadonlyField<T> = T extends Map<infer K, infer V> ? ReadonlyMap<K, V>
  : T extends Set<infer E> ? ReadonlySet<E>
    : T extends DecisionState | SignalState ? { readonly [F in keyof T]: ReadonlyField<T[F]> }
      : T;

/**
 * The state as processors see it: they read it and change it only by writing events (whose appliers change it).
 * Its collections offer no set, delete or clear; the journal is not theirs to touch.
 */
export type ReadonlyEngineState = { readonly [F in Exclude<keyof EngineState, 'journal'>]: ReadonlyField<EngineState[F]> };
