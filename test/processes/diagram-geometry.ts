// The geometry of a diagram's DI: shapes, flows and labels per plane, and the faults a reader trips over — flows
// that cross or run over each other, shapes on top of each other, flows through shapes, labels without a position,
// flow nodes outside the lane that claims them.
import type { Diagram, El } from './load-diagrams';

export interface Box { x: number; y: number; width: number; height: number }
type Point = { x: number; y: number };
type Segment = [Point, Point];

interface Plane {
  name: string;
  shapes: { el: El; box: Box; label?: Box }[];
  edges: { el: El; points: Point[]; label?: Box }[];
}

const planesOf = (d: Diagram): Plane[] =>
  (d.definitions.diagrams ?? []).map((diagram: El) => {
    const items: El[] = diagram.plane.planeElement ?? [];
    return {
      name: `${d.file}:${diagram.plane.bpmnElement?.id ?? diagram.id}`,
      shapes: items.filter((i) => i.$type === 'bpmndi:BPMNShape')
        .map((i) => ({ el: i.bpmnElement, box: i.bounds as Box, label: i.label?.bounds as Box | undefined })),
      edges: items.filter((i) => i.$type === 'bpmndi:BPMNEdge')
        .map((i) => ({ el: i.bpmnElement, points: (i.waypoint ?? []).map((p: El) => ({ x: p.x, y: p.y })), label: i.label?.bounds as Box | undefined })),
    };
  });

const segments = (points: Point[]): Segment[] => points.slice(1).map((p, i) => [points[i], p]);
const cross = (o: Point, a: Point, b: Point): number => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
const between = (a: number, b: number, v: number): boolean => Math.min(a, b) < v && v < Math.max(a, b);

/** Two segments cross at a point inside both (touching at an end is a joint, not a crossing). */
const properlyCross = ([a, b]: Segment, [c, d]: Segment): boolean => {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
};

/** Two segments lie on one line and share more than a point. */
const runOver = ([a, b]: Segment, [c, d]: Segment): boolean => {
  if (cross(a, b, c) !== 0 || cross(a, b, d) !== 0) return false;
  const horizontal = a.y === b.y;
  const [p, q, r, s] = horizontal ? [a.x, b.x, c.x, d.x] : [a.y, b.y, c.y, d.y];
  return Math.min(Math.max(p, q), Math.max(r, s)) - Math.max(Math.min(p, q), Math.min(r, s)) > 0;
};

const overlap = (a: Box, b: Box, margin = 0): boolean =>
  a.x + margin < b.x + b.width && b.x + margin < a.x + a.width && a.y + margin < b.y + b.height && b.y + margin < a.y + a.height;

/** A segment passes through the inside of a box (not merely touching its border). */
const throughBox = ([a, b]: Segment, box: Box): boolean => {
  const inside = { x: box.x + 1, y: box.y + 1, width: box.width - 2, height: box.height - 2 };
  if (a.y === b.y) return between(inside.y, inside.y + inside.height, a.y) && Math.max(a.x, b.x) > inside.x && Math.min(a.x, b.x) < inside.x + inside.width;
  if (a.x === b.x) return between(inside.x, inside.x + inside.width, a.x) && Math.max(a.y, b.y) > inside.y && Math.min(a.y, b.y) < inside.y + inside.height;
  return false;
};

const isFlowNode = (el: El): boolean =>
  el.$type !== 'bpmn:Participant' && el.$type !== 'bpmn:Lane' && el.$type !== 'bpmn:SequenceFlow' && !el.$type.startsWith('bpmn:Text');
const ancestors = (el: El): El[] => (el.$parent ? [el.$parent, ...ancestors(el.$parent)] : []);
const related = (a: El, b: El): boolean =>
  ancestors(a).includes(b) || ancestors(b).includes(a) || a.attachedToRef === b || b.attachedToRef === a;
const named = (el: El): boolean => typeof el.name === 'string' && el.name.trim() !== '';
const labelled = (el: El): boolean => /Event$|Gateway$/.test(el.$type) || el.$type === 'bpmn:SequenceFlow';

/** Flows that cross or run over another flow; a shared source or target may share the first or last stretch. */
export function crossingFlows(d: Diagram): string[] {
  return planesOf(d).flatMap((plane) => plane.edges.flatMap((e, i) => plane.edges.slice(i + 1).flatMap((f) => {
    const shareEnd = e.el.sourceRef === f.el.sourceRef || e.el.targetRef === f.el.targetRef;
    const hit = segments(e.points).some((s) => segments(f.points).some((t) => properlyCross(s, t) || (!shareEnd && runOver(s, t))));
    return hit ? [`${d.file}: ${e.el.id} × ${f.el.id}`] : [];
  })));
}

/** Flow nodes whose shapes overlap (a boundary event on its activity and a node inside its sub-process excepted). */
export function overlappingShapes(d: Diagram): string[] {
  return planesOf(d).flatMap((plane) => {
    const nodes = plane.shapes.filter((s) => isFlowNode(s.el));
    return nodes.flatMap((a, i) => nodes.slice(i + 1)
      .filter((b) => !related(a.el, b.el) && overlap(a.box, b.box))
      .map((b) => `${d.file}: ${a.el.id} ⧉ ${b.el.id}`));
  });
}

/** Flows drawn through a shape that is neither their source nor their target (nor a container of them). */
export function flowsThroughShapes(d: Diagram): string[] {
  return planesOf(d).flatMap((plane) => plane.edges.flatMap((e) => plane.shapes
    .filter((s) => isFlowNode(s.el) && s.el.$type !== 'bpmn:SubProcess' && s.el !== e.el.sourceRef && s.el !== e.el.targetRef)
    .filter((s) => s.el.attachedToRef !== e.el.sourceRef && s.el.attachedToRef !== e.el.targetRef)
    .filter((s) => segments(e.points).some((seg) => throughBox(seg, s.box)))
    .map((s) => `${d.file}: ${e.el.id} → through ${s.el.id}`)));
}

/** Named events, gateways and flows whose name has no label position, and labels lying on a flow node. */
export function misplacedLabels(d: Diagram): string[] {
  return planesOf(d).flatMap((plane) => {
    const nodes = plane.shapes.filter((s) => isFlowNode(s.el) && s.el.$type !== 'bpmn:SubProcess');
    const all = [...plane.shapes, ...plane.edges];
    return all.filter((item) => labelled(item.el) && named(item.el)).flatMap((item) => {
      if (!item.label) return [`${d.file}: ${item.el.id} has no label position`];
      const on = nodes.find((n) => n.el !== item.el && overlap(item.label!, n.box, 1));
      return on ? [`${d.file}: label of ${item.el.id} lies on ${on.el.id}`] : [];
    });
  });
}

/** Process-level flow nodes without a lane, or drawn outside the lane that claims them. */
export function nodesOutsideLanes(d: Diagram): string[] {
  const lanes: El[] = (d.process.laneSets ?? []).flatMap((s: El) => s.lanes ?? []);
  const boxes = new Map<El, Box>(planesOf(d).flatMap((p) => [...p.shapes.map((s): [El, Box] => [s.el, s.box])]));
  return (d.process.flowElements ?? [])
    .filter((el: El) => el.$type !== 'bpmn:SequenceFlow' && el.$type !== 'bpmn:BoundaryEvent')
    .flatMap((el: El) => {
      const lane = lanes.find((l: El) => (l.flowNodeRef ?? []).includes(el));
      if (!lane) return [`${d.file}: ${el.id} is in no lane`];
      const box = boxes.get(el);
      const laneBox = boxes.get(lane);
      if (!box || !laneBox) return [`${d.file}: ${el.id} or its lane ${lane.id} is not drawn`];
      const inside = box.x >= laneBox.x && box.y >= laneBox.y && box.x + box.width <= laneBox.x + laneBox.width && box.y + box.height <= laneBox.y + laneBox.height;
      return inside ? [] : [`${d.file}: ${el.id} is drawn outside its lane ${lane.id}`];
    });
}

/** What a lane's name says for each candidate group: a user task sits in a lane of one of its groups. */
const ROLE_IN_LANE_NAME: Record<string, string> = {
  committee: '安委会', office: '安委办', 'team-leader': '组长', team: '巡查组', unit: '单位', department: '承办部门',
};

/** Process-level user tasks whose lane names none of their candidate groups. */
export function tasksInForeignLanes(d: Diagram): string[] {
  const lanes: El[] = (d.process.laneSets ?? []).flatMap((s: El) => s.lanes ?? []);
  return (d.process.flowElements ?? []).filter((el: El) => el.$type === 'bpmn:UserTask').flatMap((task: El) => {
    const lane = lanes.find((l: El) => (l.flowNodeRef ?? []).includes(task));
    const assignment = (task.extensionElements?.values ?? []).find((v: El) => v.$type === 'zeebe:AssignmentDefinition');
    const text = String(assignment?.candidateGroups ?? '');
    // a FEEL list names its groups as string literals (`"team-leader:" + teamId`), a static one separates them by commas
    const names = text.startsWith('=') ? [...text.matchAll(/"([^"]*)"/g)].map((m) => m[1]) : text.split(',');
    const groups = names.map((n) => n.trim().replace(/:.*$/, '')).filter((g) => g in ROLE_IN_LANE_NAME);
    const fits = lane && groups.some((g) => String(lane.name ?? '').includes(ROLE_IN_LANE_NAME[g]));
    return fits ? [] : [`${d.file}: ${task.id} (${groups.join(', ')}) sits in lane ${lane?.name ?? '—'}`];
  });
}
