// A runaway FEEL expression in a process becomes an incident (it used to run the engine out of memory, and again
// on every restart when a timer led to it); the engine keeps working and restarts with the incident in place.
import { bpmn } from './support/bpmn-builder';
import { definitions as dmn, literal } from './dmn/dmn-xml';
import { chain, definitions, end, process, resource, start } from './fixtures/xml';
import { EngineHarness } from './support/harness';

const RUNAWAY = '=count(for x in 1..n return x)';

describe('FEEL budget in processes', () => {
  it('raises an incident for a script task whose expression exceeds the budget, and completes once the input is sane', async () => {
    // given a script task counting up to a variable
    const h = await EngineHarness.start();
    await h.deploy(resource('runaway.bpmn', definitions(process('runaway', `${start()}
      <bpmn:scriptTask id="count"><bpmn:extensionElements><zeebe:script expression="${RUNAWAY}" resultVariable="c"/></bpmn:extensionElements></bpmn:scriptTask>
      ${end()}${chain('start', 'count', 'end')}`))));

    // when an instance starts with a hundred million
    const pi = await h.create('runaway', { n: 100_000_000 });

    // then an incident names the exceeded budget, the engine is UP and takes the next command
    const [incident] = h.incidents(pi);
    expect(incident.value).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'count' });
    expect(incident.value.errorMessage).toMatch(/exceeded the budget of 100000 iterations and function calls/);
    expect(h.engine.health().status).toBe('UP');
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { n: 3 } });
    await h.engine.resolveIncident(incident.key);
    await h.awaitCompleted(pi);
    expect(h.find({ valueType: 'VARIABLE' }).find((r) => r.value.name === 'c')?.value).toMatchObject({ scopeKey: pi, value: '3' });
    await h.close();
  });

  it('restarts fine when a timer led to the runaway expression', async () => {
    // given a durable engine whose instance waits at a timer before an output mapping with the runaway expression
    let h = await EngineHarness.start({ durability: 'full' });
    await h.deploy(bpmn('late').start().timerCatch('wait', { duration: 'PT1H' }).task('count', { outputs: [[RUNAWAY, 'c']] }).end());
    const pi = await h.create('late', { n: 100_000_000 });
    await h.awaitRecord({ valueType: 'TIMER', intent: 'CREATED' });

    // when the timer fires, and then the engine restarts
    h.advance(3_600_000);
    const created = await h.awaitRecord({ valueType: 'INCIDENT', intent: 'CREATED' });
    const before = h.engine.stateSnapshot();
    h = await h.restart();

    // then the incident names the budget, the restarted engine is UP with the same state and finishes the instance
    expect(created.value).toMatchObject({ errorType: 'IO_MAPPING_ERROR', elementId: 'count' });
    expect(created.value.errorMessage).toMatch(/exceeded the budget/);
    expect(h.engine.health().status).toBe('UP');
    expect(h.engine.stateSnapshot()).toEqual(before);
    await h.engine.setVariables({ elementInstanceKey: pi, variables: { n: 2 } });
    await h.engine.resolveIncident(created.key);
    await h.awaitCompleted(pi);
    await h.close();
  });

  it('answers a direct decision evaluation whose expression exceeds the budget with the failure', async () => {
    // given a decision whose literal expression counts up to its input
    const h = await EngineHarness.start();
    await h.deploy(['runaway.dmn', dmn(literal('runaway', 'count(for x in 1..n return x)'))]);

    // when it is evaluated directly with a hundred million
    const result = await h.engine.evaluateDecision({ decisionId: 'runaway', variables: { n: 100_000_000 } });

    // then the evaluation failed, naming the exceeded budget, and the engine is UP
    expect(result).toMatchObject({ failedDecisionId: 'runaway', evaluationFailureMessage: expect.stringMatching(/exceeded the budget/) });
    expect(h.engine.health().status).toBe('UP');
    await h.close();
  });
});
