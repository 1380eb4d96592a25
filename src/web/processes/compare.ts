import { type ModdleElement, parseBpmn } from './moddle';

export interface ElementChange {
  id: string;
  name: string;
  type: string;
  change: 'added' | 'removed' | 'changed';
  details: string[];
}

interface Summary {
  name: string;
  type: string;
  attrs: Record<string, string>;
}

/** Flow elements by id, with the attributes that matter for execution (names, types, zeebe extensions, flows). */
function collect(root: ModdleElement): Map<string, Summary> {
  const out = new Map<string, Summary>();
  const visit = (el: ModdleElement) => {
    for (const child of (el.flowElements ?? []) as ModdleElement[]) {
      const attrs: Record<string, string> = {};
      if (child.sourceRef) attrs['来源'] = child.sourceRef.id;
      if (child.targetRef) attrs['目标'] = child.targetRef.id;
      if (child.conditionExpression?.body) attrs['条件'] = child.conditionExpression.body;
      for (const ext of (child.extensionElements?.values ?? []) as ModdleElement[]) {
        const { $type, ...rest } = ext;
        attrs[$type] = JSON.stringify(rest, (k, v) => (k.startsWith('$') ? undefined : v));
      }
      for (const def of (child.eventDefinitions ?? []) as ModdleElement[]) attrs[def.$type] = def.timeDuration?.body ?? def.timeDate?.body ?? def.timeCycle?.body ?? def.messageRef?.name ?? '';
      if (child.id) out.set(child.id, { name: child.name ?? '', type: child.$type.replace('bpmn:', ''), attrs });
      if (child.flowElements) visit(child);
    }
  };
  for (const el of (root.rootElements ?? []) as ModdleElement[]) if (el.$type === 'bpmn:Process') visit(el);
  return out;
}

/** What changed from version `a` to version `b`, element by element. */
export async function compareBpmn(aXml: string, bXml: string): Promise<ElementChange[]> {
  const [a, b] = await Promise.all([parseBpmn(aXml), parseBpmn(bXml)]).then(([x, y]) => [collect(x), collect(y)]);
  const changes: ElementChange[] = [];
  for (const [id, el] of b) {
    const old = a.get(id);
    if (!old) {
      changes.push({ id, name: el.name, type: el.type, change: 'added', details: [] });
      continue;
    }
    const details: string[] = [];
    if (old.name !== el.name) details.push(`名称：${old.name || '（无）'} → ${el.name || '（无）'}`);
    if (old.type !== el.type) details.push(`类型：${old.type} → ${el.type}`);
    for (const k of new Set([...Object.keys(old.attrs), ...Object.keys(el.attrs)])) {
      if (old.attrs[k] !== el.attrs[k]) details.push(`${k}：${old.attrs[k] ?? '（无）'} → ${el.attrs[k] ?? '（无）'}`);
    }
    if (details.length) changes.push({ id, name: el.name, type: el.type, change: 'changed', details });
  }
  for (const [id, el] of a) if (!b.has(id)) changes.push({ id, name: el.name, type: el.type, change: 'removed', details: [] });
  return changes;
}
