import { type CamundaPort } from '../camunda/port';
import { messageReceivers, type MessageReceivers } from './receivers';

/** Who can receive a message now, as the engine's searches show it. */
export interface Receivability {
  /** A deployed process starts on the message (a message start event). */
  starts: boolean;
  /**
   * Correlation keys of the instances waiting for it now; undefined when a waiting process's correlation key is an
   * expression other than one variable, so the keys cannot be told (the correlation itself then decides).
   */
  keys: Set<string> | undefined;
}

const PAGE = 1000;
const KEYS_PER_SEARCH = 100;

/**
 * Looks up, through the REST /v2 searches, which subjects a message can reach now: the process definitions, their
 * diagrams (read once per definition: a deployed definition never changes), the instances with a waiting element
 * active, and the value of the correlation variable in each. On Camunda 8.8 the searches lag the engine a little,
 * so this decides what the forms offer; whether a report is taken is decided by the correlation itself.
 */
export function openSubscriptions(camunda: CamundaPort): (messageName: string) => Promise<Receivability> {
  const diagrams = new Map<string, Promise<string>>();
  const receivers = new Map<string, Promise<MessageReceivers>>();
  const receiversOf = (definitionKey: string, processId: string, messageName: string) => {
    const id = `${definitionKey}\u0000${messageName}`;
    let found = receivers.get(id);
    if (!found) {
      let xml = diagrams.get(definitionKey);
      if (!xml) {
        xml = camunda.getProcessDefinitionXml(definitionKey);
        diagrams.set(definitionKey, xml);
        xml.catch(() => diagrams.delete(definitionKey));
      }
      found = xml.then((x) => messageReceivers(x, processId, messageName));
      receivers.set(id, found);
      found.catch(() => receivers.delete(id));
    }
    return found;
  };

  return async (messageName) => {
    const definitions = (await camunda.searchProcessDefinitions({ page: { limit: PAGE } })).items;
    const result: Receivability = { starts: false, keys: new Set() };
    await Promise.all(definitions.map(async (d) => {
      const r = await receiversOf(d.processDefinitionKey, d.processDefinitionId, messageName);
      if (r.starts) result.starts = true;
      if (r.waitingIn.length === 0 && !r.wholeProcess) return;
      const instances = new Set<string>();
      if (r.wholeProcess) {
        const page = await camunda.searchProcessInstances({ filter: { processDefinitionKey: d.processDefinitionKey, state: 'ACTIVE' }, page: { limit: PAGE } });
        for (const i of page.items) instances.add(i.processInstanceKey);
      }
      await Promise.all(r.waitingIn.map(async (elementId) => {
        const page = await camunda.searchElementInstances({ filter: { processDefinitionKey: d.processDefinitionKey, elementId, state: 'ACTIVE' }, page: { limit: PAGE } });
        for (const e of page.items) if (e.processInstanceKey) instances.add(e.processInstanceKey);
      }));
      if (instances.size === 0) return;
      if (!r.correlationVariable) {
        result.keys = undefined;
        return;
      }
      for (const value of await variableValues(camunda, r.correlationVariable, [...instances])) result.keys?.add(value);
    }));
    return result;
  };
}

/** The values a variable has in the given instances (any scope), as correlation keys (strings). */
async function variableValues(camunda: CamundaPort, name: string, instanceKeys: string[]): Promise<string[]> {
  const values: string[] = [];
  for (let i = 0; i < instanceKeys.length; i += KEYS_PER_SEARCH) {
    const page = await camunda.searchVariables({
      filter: { name, processInstanceKey: { $in: instanceKeys.slice(i, i + KEYS_PER_SEARCH) } }, page: { limit: PAGE },
    });
    for (const v of page.items) {
      try {
        const parsed = JSON.parse(v.value) as unknown;
        if (typeof parsed === 'string' || typeof parsed === 'number') values.push(String(parsed));
      } catch {
        // a truncated or unreadable value cannot be a key we offer
      }
    }
  }
  return values;
}
