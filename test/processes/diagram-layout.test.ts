// Every diagram reads as a process owner expects: who acts is shown by lanes, no flow crosses or runs over
// another, no shape sits on another, no flow runs through a shape, every label has its place.
import { crossingFlows, flowsThroughShapes, misplacedLabels, nodesOutsideLanes, overlappingShapes, tasksInForeignLanes } from './diagram-geometry';
import { type Diagram, loadDiagrams, parseDiagram } from './load-diagrams';

let diagrams: Diagram[] = [];
beforeAll(async () => {
  diagrams = await loadDiagrams();
});

describe('diagram layout', () => {
  it('shows who acts: every flow node of a process sits in a lane and is drawn inside it', () => {
    expect(diagrams.flatMap(nodesOutsideLanes)).toEqual([]);
  });

  it('puts each user task in the lane of one of its candidate groups', () => {
    expect(diagrams.flatMap(tasksInForeignLanes)).toEqual([]);
  });

  it('has no sequence flow crossing or running over another', () => {
    expect(diagrams.flatMap(crossingFlows)).toEqual([]);
  });

  it('has no shape on top of another', () => {
    expect(diagrams.flatMap(overlappingShapes)).toEqual([]);
  });

  it('has no sequence flow running through a shape', () => {
    expect(diagrams.flatMap(flowsThroughShapes)).toEqual([]);
  });

  it('gives every named event, gateway and flow a label position clear of the shapes', () => {
    expect(diagrams.flatMap(misplacedLabels)).toEqual([]);
  });
});

describe('diagram layout checks', () => {
  // the office's lane holds a (the committee's task), b and c; d sits in no lane, c is drawn outside its lane, f3 crosses f1 and f2 (although f2 leaves
  // d as well), b lies on c, f3 runs through b, and the gateway's name has no label position
  const shape = (id: string, x: number, y: number, w = 100, h = 80): string =>
    `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
  const edge = (id: string, points: [number, number][]): string =>
    `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="t">
  <bpmn:collaboration id="collab"><bpmn:participant id="p" processRef="x" /></bpmn:collaboration>
  <bpmn:process id="x">
    <bpmn:laneSet id="ls"><bpmn:lane id="lane" name="区安委办"><bpmn:flowNodeRef>a</bpmn:flowNodeRef><bpmn:flowNodeRef>b</bpmn:flowNodeRef><bpmn:flowNodeRef>c</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:userTask id="a"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="committee" /></bpmn:extensionElements></bpmn:userTask><bpmn:task id="b" /><bpmn:task id="c" /><bpmn:exclusiveGateway id="d" name="通过？" />
    <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="c" /><bpmn:sequenceFlow id="f2" sourceRef="d" targetRef="b" /><bpmn:sequenceFlow id="f3" sourceRef="d" targetRef="a" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="dd"><bpmndi:BPMNPlane id="pl" bpmnElement="collab">
    ${shape('p', 0, 0, 1000, 400)}${shape('lane', 30, 0, 970, 300)}
    ${shape('a', 100, 50)}${shape('b', 420, 180)}${shape('c', 450, 250)}${shape('d', 700, 65, 50, 50)}
    ${edge('f1', [[200, 90], [300, 90], [300, 290], [450, 290]])}${edge('f2', [[725, 115], [725, 200], [520, 200]])}
    ${edge('f3', [[700, 90], [650, 90], [650, 220], [150, 220], [150, 130]])}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

  it('find every fault of a badly drawn diagram', async () => {
    const d = await parseDiagram('bad.bpmn', xml);
    expect(d.warnings).toEqual([]);
    expect(nodesOutsideLanes(d)).toEqual(['bad.bpmn: c is drawn outside its lane lane', 'bad.bpmn: d is in no lane']);
    expect(tasksInForeignLanes(d)).toEqual(['bad.bpmn: a (committee) sits in lane 区安委办']);
    expect(crossingFlows(d)).toEqual(['bad.bpmn: f1 × f3', 'bad.bpmn: f2 × f3']);
    expect(overlappingShapes(d)).toEqual(['bad.bpmn: b ⧉ c']);
    expect(flowsThroughShapes(d)).toEqual(['bad.bpmn: f3 → through b']);
    expect(misplacedLabels(d)).toEqual(['bad.bpmn: d has no label position']);
  });
});
