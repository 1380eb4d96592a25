// Post-processing of the automatic layout: bpmn-auto-layout puts several boundary events of one task almost on
// top of each other; spread them along the lower edge of the task and move their outgoing flows with them.

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

const shapeRe = (id: string): RegExp =>
  new RegExp(`(<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"[^>]*>\\s*<dc:Bounds )x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`);

const boundsOf = (xml: string, id: string): Bounds | undefined => {
  const m = shapeRe(id).exec(xml);
  return m ? { x: +m[2], y: +m[3], width: +m[4], height: +m[5] } : undefined;
};

const round = (n: number): string => String(Math.round(n));

/** Moves one boundary event to a new x and its outgoing flows' vertical first segment with it. */
const moveBoundary = (xml: string, id: string, oldX: number, newX: number): string => {
  const oldCenter = oldX + 18;
  const newCenter = newX + 18;
  let out = xml.replace(shapeRe(id), (_all, head: string, _x: string, y: string, w: string, h: string) =>
    `${head}x="${round(newX)}" y="${y}" width="${w}" height="${h}"`,
  );
  // label of the boundary event, if any, sits right after its bounds
  out = out.replace(
    new RegExp(`(bpmnElement="${id}"[^>]*>\\s*<dc:Bounds [^>]*/>\\s*<bpmndi:BPMNLabel>\\s*<dc:Bounds )x="([\\d.]+)"`),
    (_all, head: string, lx: string) => `${head}x="${round(+lx + newX - oldX)}"`,
  );
  const edgeRe = new RegExp(`(<bpmndi:BPMNEdge id="flow-${id}-to-[^"]*"[^>]*>)([\\s\\S]*?)(</bpmndi:BPMNEdge>)`, 'g');
  return out.replace(edgeRe, (_all, open: string, body: string, close: string) => {
    const points = [...body.matchAll(/<di:waypoint x="([\d.]+)" y="([\d.]+)" \/>/g)].map((m) => ({ x: +m[1], y: +m[2] }));
    for (const p of points) {
      if (Math.abs(p.x - oldCenter) < 1) p.x = newCenter;
      else break;
    }
    const rest = body.replace(/\s*<di:waypoint [^>]*\/>/g, '');
    const wps = points.map((p) => `\n        <di:waypoint x="${round(p.x)}" y="${round(p.y)}" />`).join('');
    return `${open}${wps}${rest}${close}`;
  });
};

export const polishLayout = (xml: string): string => {
  const hosts = new Map<string, string[]>();
  for (const m of xml.matchAll(/<bpmn:boundaryEvent id="([^"]+)"[^>]*attachedToRef="([^"]+)"/g)) {
    hosts.set(m[2], [...(hosts.get(m[2]) ?? []), m[1]]);
  }
  let out = xml;
  for (const [host, boundaries] of hosts) {
    if (boundaries.length < 2) continue;
    const hb = boundsOf(out, host);
    if (!hb) continue;
    const step = (hb.width - 30) / (boundaries.length - 1);
    boundaries.forEach((id, i) => {
      const b = boundsOf(out, id);
      if (b) out = moveBoundary(out, id, b.x, hb.x + 15 + i * step - 18);
    });
  }
  return out;
};
