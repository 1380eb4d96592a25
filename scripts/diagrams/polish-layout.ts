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

const labelRe = (id: string): RegExp =>
  new RegExp(
    `(<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"[^>]*>\\s*<dc:Bounds [^>]*/>\\s*<bpmndi:BPMNLabel>\\s*<dc:Bounds )x="([\\d.]+)" y="([\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`,
  );

/** Puts a label at (x, y), keeping its size; adds a label box when the layout left none. */
const placeLabel = (xml: string, id: string, place: (label: Bounds, shape: Bounds) => { x: number; y: number }): string => {
  const shape = boundsOf(xml, id);
  if (!shape) return xml;
  if (!labelRe(id).test(xml)) {
    xml = xml.replace(
      new RegExp(`(<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"[^>]*>\\s*<dc:Bounds [^>]*/>)`),
      `$1<bpmndi:BPMNLabel><dc:Bounds x="${round(shape.x)}" y="${round(shape.y)}" width="90" height="27" /></bpmndi:BPMNLabel>`,
    );
  }
  return xml.replace(labelRe(id), (_all, head: string, x: string, y: string, w: string, h: string) => {
    const p = place({ x: +x, y: +y, width: +w, height: +h }, shape);
    return `${head}x="${round(p.x)}" y="${round(p.y)}" width="${w}" height="${h}"`;
  });
};

/** Gateway labels go above the gateway, where no loop-back flow runs; boundary labels beside their flow. */
const moveLabels = (xml: string, hosts: Map<string, string[]>): string => {
  let out = xml;
  for (const m of xml.matchAll(/<bpmn:(?:exclusive|parallel|eventBased)Gateway id="([^"]+)" name="[^"]+"/g)) {
    out = placeLabel(out, m[1], (l, s) => ({ x: s.x + s.width / 2 - l.width / 2, y: s.y - l.height - 6 }));
  }
  for (const boundaries of hosts.values()) {
    boundaries.forEach((id, i) => {
      const right = boundaries.length > 1 && i === boundaries.length - 1;
      out = placeLabel(out, id, (l, s) => ({ x: right ? s.x + s.width + 2 : s.x - l.width - 2, y: s.y + s.height - 4 }));
    });
  }
  return out;
};

/** Named flows get a label at the start of their last horizontal segment, next to the branch they name. */
const labelFlows = (xml: string): string => {
  const names = new Map([...xml.matchAll(/<bpmn:sequenceFlow id="([^"]+)" name="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  return xml.replace(
    /(<bpmndi:BPMNEdge id="([^"]+)_di" bpmnElement="[^"]+">)([\s\S]*?)(<\/bpmndi:BPMNEdge>)/g,
    (all, open: string, id: string, body: string, close: string) => {
      const name = names.get(id);
      if (!name || body.includes('BPMNLabel')) return all;
      const pts = [...body.matchAll(/<di:waypoint x="([\d.]+)" y="([\d.]+)" \/>/g)].map((m) => ({ x: +m[1], y: +m[2] }));
      let i = pts.length - 2;
      while (i > 0 && pts[i].y === pts[i + 1].y && pts[i - 1].y === pts[i].y) i -= 1;
      const horizontal = pts[i].y === pts[i + 1].y;
      const width = Math.min(120, name.length * 12 + 6);
      const backwards = pts.length > 2 && pts[pts.length - 1].x < pts[0].x;
      // a loop back runs left along a shared line: label it where it leaves its gateway instead
      const x = backwards ? pts[1].x - width - 4 : horizontal ? pts[i].x + 10 : pts[i].x + 6;
      const y = backwards ? pts[1].y - 18 : horizontal ? pts[i].y - 20 : (pts[i].y + pts[i + 1].y) / 2 - 7;
      const label = `<bpmndi:BPMNLabel><dc:Bounds x="${round(x)}" y="${round(y)}" width="${width}" height="14" /></bpmndi:BPMNLabel>`;
      return `${open}${body.replace(/\s*$/, '')}${label}${close}`;
    },
  );
};

/**
 * Collapsed (event) sub-processes get their own diagram plane, as Camunda Modeler stores them, instead of sharing the
 * process plane with overlapping coordinates.
 */
const subProcessPlanes = (xml: string): string => {
  let out = xml;
  for (const m of xml.matchAll(/<bpmn:subProcess id="([^"]+)"[^>]*>([\s\S]*?)<\/bpmn:subProcess>/g)) {
    const [, subId, body] = m;
    const ids = [...body.matchAll(/<bpmn:(?!documentation|extensionElements|incoming|outgoing)\w+ id="([^"]+)"/g)].map((x) => x[1]);
    const moved: string[] = [];
    for (const id of ids) {
      const di = new RegExp(`\\s*<bpmndi:BPMN(Shape|Edge) id="${id}_di"[\\s\\S]*?</bpmndi:BPMN(Shape|Edge)>`);
      const found = di.exec(out);
      if (!found) continue;
      moved.push(found[0]);
      out = out.replace(found[0], '');
    }
    const plane = `\n  <bpmndi:BPMNDiagram id="BPMNDiagram_${subId}">\n    <bpmndi:BPMNPlane id="BPMNPlane_${subId}" bpmnElement="${subId}">${moved.join('')}\n    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>`;
    out = out.replace('</bpmn:definitions>', `${plane.slice(1)}\n</bpmn:definitions>`);
  }
  return out;
};

const overlaps = (a: Bounds, b: Bounds): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * An end event reached only from a boundary event sits right beside it when the layout sent the flow on a long
 * detour (more than one bend), unless that spot is taken.
 */
const endsBesideBoundaries = (xml: string, boundaryIds: string[]): string => {
  let out = xml;
  const shapes = [...xml.matchAll(/bpmnElement="([^"]+)"[^>]*>\s*<dc:Bounds x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)].map(
    (m) => ({ id: m[1], x: +m[2], y: +m[3], width: +m[4], height: +m[5] }),
  );
  for (const b of boundaryIds) {
    const flow = new RegExp(`<bpmn:sequenceFlow id="(flow-${b}-to-([^"]+))" sourceRef="${b}" targetRef="([^"]+)"`).exec(out);
    if (!flow || !new RegExp(`<bpmn:endEvent id="${flow[3]}"`).test(out)) continue;
    const edge = new RegExp(`(<bpmndi:BPMNEdge id="${flow[1]}_di"[^>]*>)([\\s\\S]*?)(</bpmndi:BPMNEdge>)`).exec(out);
    const bb = boundsOf(out, b);
    const eb = boundsOf(out, flow[3]);
    if (!edge || !bb || !eb || (edge[2].match(/<di:waypoint/g) ?? []).length <= 3) continue;
    const spot = { x: bb.x + 100, y: bb.y, width: 36, height: 36 };
    if (shapes.some((sh) => sh.id !== flow[3] && sh.id !== b && overlaps(spot, sh))) continue;
    out = out.replace(shapeRe(flow[3]), (_all, head: string) => `${head}x="${spot.x}" y="${spot.y}" width="36" height="36"`);
    out = placeLabel(out, flow[3], (l) => ({ x: spot.x + 18 - l.width / 2, y: spot.y + 40 }));
    const wps = `\n        <di:waypoint x="${round(bb.x + 36)}" y="${round(bb.y + 18)}" />\n        <di:waypoint x="${spot.x}" y="${round(spot.y + 18)}" />\n      `;
    out = out.replace(edge[0], `${edge[1]}${wps}${edge[3]}`);
  }
  return out;
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
  const boundaryIds = [...hosts.values()].flat();
  return subProcessPlanes(labelFlows(endsBesideBoundaries(moveLabels(out, hosts), boundaryIds)));
};
