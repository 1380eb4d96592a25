// A test file's process ends right after its last test only if every client it closed leaves no timer running.
// The SDK's gRPC clients keep a connection-state debounce timer after close(); with the tests' settings
// (test/support/sdk-settings.ts) it ends well within the second jest waits before warning about open handles.
import { createHook } from 'node:async_hooks';
import { sdkFor, startContractEnv, type ContractEnv, describeEmbedded } from './harness';

/** Collects the timers created until freeze(); alive() counts those that still hold the process (not fired, not cleared, ref'd). */
function watchTimers() {
  const pending = new Map<number, NodeJS.Timeout>();
  let collecting = true;
  const hook = createHook({
    init(id, type, _trigger, resource) {
      if (collecting && type === 'Timeout') pending.set(id, resource as NodeJS.Timeout);
    },
    destroy(id) {
      pending.delete(id);
    },
  }).enable();
  return {
    freeze: () => { collecting = false; },
    alive: () => [...pending.values()].filter((t) => t.hasRef()).length,
    stop: () => hook.disable(),
  };
}

describeEmbedded('closing the @camunda8/sdk clients of the tests', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  it('leaves no timer of its gRPC and REST clients holding the process one second after they are closed', async () => {
    // given a client that made gRPC and REST calls
    const timers = watchTimers();
    const c8 = sdkFor(env.gateways);
    await c8.getZeebeGrpcApiClient().topology();
    await c8.getOrchestrationClusterApiClientLoose().getTopology();
    // when
    await c8.closeAllClients();
    timers.freeze();
    // then
    const deadline = Date.now() + 1_000;
    while (timers.alive() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    timers.stop();
    expect(timers.alive()).toBe(0);
  });
});
