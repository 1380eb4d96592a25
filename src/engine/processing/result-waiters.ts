import {
  type CreateInstanceWithResultRequest, type JsonObject, type Key, type ProcessInstanceCreated, type ProcessInstanceResult,
  Rejection, ResultTimeout,
} from '../api';
import { type CommittedBatch } from './command-loop';

interface Waiter {
  resolve: (variables: JsonObject) => void;
  reject: (error: Error) => void;
  timer?: NodeJS.Timeout;
}

/**
 * Callers of create-with-result waiting for their instance: registered inside the creating command (so that a
 * completion in the very same batch is seen), settled from committed records, or timed out.
 */
export class ResultWaiters {
  private readonly waiters = new Map<Key, Waiter>();

  has(processInstanceKey: Key): boolean {
    return this.waiters.has(processInstanceKey);
  }

  register(
    created: ProcessInstanceCreated,
    req: CreateInstanceWithResultRequest,
    resolve: (result: ProcessInstanceResult) => void,
    reject: (error: Error) => void,
  ): void {
    const waiter: Waiter = {
      resolve: (variables) => {
        clearTimeout(waiter.timer);
        resolve({ ...created, variables: pick(variables, req.fetchVariables) });
      },
      reject: (error) => {
        clearTimeout(waiter.timer);
        reject(error);
      },
    };
    this.waiters.set(created.processInstanceKey, waiter);
  }

  /** After the creating batch committed: give up after the request timeout unless already settled. */
  armTimeout(processInstanceKey: Key, timeoutMs: number): void {
    const waiter = this.waiters.get(processInstanceKey);
    if (!waiter) return;
    waiter.timer = setTimeout(() => {
      this.waiters.delete(processInstanceKey);
      waiter.reject(new ResultTimeout(processInstanceKey));
    }, timeoutMs);
  }

  settle(batch: CommittedBatch): void {
    if (this.waiters.size === 0) return;
    for (const r of batch.records) {
      if (r.valueType !== 'PROCESS_INSTANCE' || r.value.bpmnElementType !== 'PROCESS') continue;
      const waiter = this.waiters.get(r.key);
      if (!waiter) continue;
      if (r.intent === 'ELEMENT_COMPLETED') {
        this.waiters.delete(r.key);
        waiter.resolve(batch.results.get(r.key) ?? {});
      } else if (r.intent === 'ELEMENT_TERMINATED') {
        this.waiters.delete(r.key);
        waiter.reject(new Rejection('NOT_FOUND', 'CREATE_WITH_AWAITING_RESULT', `Expected to complete process instance '${r.key}', but it was terminated`));
      }
    }
  }

  rejectAll(error: Error): void {
    for (const waiter of this.waiters.values()) waiter.reject(error);
    this.waiters.clear();
  }
}

function pick(variables: JsonObject, names: string[] | undefined): JsonObject {
  if (!names || names.length === 0) return variables;
  return Object.fromEntries(names.filter((n) => n in variables).map((n) => [n, variables[n]]));
}
