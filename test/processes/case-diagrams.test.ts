// Static rules of the diagrams that follow a case after the inspection (rectification, handover, listed supervision,
// acceptance, escalation, talks, follow-up, coverage): a submission stays receivable while it is awaited, decisions
// are gateways rather than BPMN errors, and nothing ends the whole case with a terminate event.
import { type Diagram, type El, flowElements, loadDiagrams } from './load-diagrams';

const caseDiagrams = [
  'rectification', 'listed-supervision', 'hazard-acceptance', 'escalation-ladder', 'problem-handover', 'key-talk',
  'follow-up-sampling', 'coverage-watch',
];

let diagrams: Diagram[] = [];
beforeAll(async () => {
  diagrams = (await loadDiagrams()).filter((d) => caseDiagrams.includes(d.process.id));
});

const everywhere = (type: string): { file: string; el: El }[] =>
  diagrams.flatMap((d) => flowElements(d.process).filter((el: El) => el.$type === type).map((el: El) => ({ file: d.file, el })));

describe('case diagrams', () => {
  it('are all there', () => {
    expect(diagrams.map((d) => d.process.id).sort()).toEqual([...caseDiagrams].sort());
  });

  it('keep an awaited message receivable: no event-based gateway, no interrupting timer on a receive task', () => {
    // an event-based gateway drops its other subscriptions while one branch runs; an interrupting timer ends the wait
    const gaps = [
      ...everywhere('bpmn:EventBasedGateway').map(({ file, el }) => `${file}#${el.id}`),
      ...everywhere('bpmn:BoundaryEvent')
        .filter(({ el }) => el.attachedToRef.$type === 'bpmn:ReceiveTask' && el.cancelActivity !== false)
        .map(({ file, el }) => `${file}#${el.id}`),
    ];
    expect(gaps).toEqual([]);
  });

  it('branch on decisions with gateways: no BPMN error is caught', () => {
    const caught = everywhere('bpmn:BoundaryEvent')
      .filter(({ el }) => (el.eventDefinitions ?? []).some((d: El) => d.$type === 'bpmn:ErrorEventDefinition'))
      .map(({ file, el }) => `${file}#${el.id}`);
    expect(caught).toEqual([]);
  });

  it('end a case only through its closure: terminate events only inside a period (sub-process)', () => {
    const terminating = diagrams.flatMap((d) =>
      (d.process.flowElements ?? [])
        .filter((el: El) => el.$type === 'bpmn:EndEvent' && (el.eventDefinitions ?? []).some((e: El) => e.$type === 'bpmn:TerminateEventDefinition'))
        .map((el: El) => `${d.file}#${el.id}`),
    );
    expect(terminating).toEqual([]);
  });

  it('show who acts: every flow node of the process level sits in a lane', () => {
    const outside = diagrams.flatMap((d) => {
      const inLanes = new Set((d.process.laneSets ?? []).flatMap((s: El) => (s.lanes ?? []).flatMap((l: El) => (l.flowNodeRef ?? []).map((n: El) => n.id))));
      return (d.process.flowElements ?? [])
        .filter((el: El) => el.$type !== 'bpmn:SequenceFlow' && el.$type !== 'bpmn:BoundaryEvent' && !inLanes.has(el.id))
        .map((el: El) => `${d.file}#${el.id}`);
    });
    expect(outside).toEqual([]);
  });
});
