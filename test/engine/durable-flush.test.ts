import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EmbeddedEngine } from '../../src/engine/engine';

const PROCESS = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="flush" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="e"/></bpmn:process>
</bpmn:definitions>`;

type Flush = Parameters<typeof fs.fdatasync>[1];

describe('durability full', () => {
  let dataDir: string;
  let engine: EmbeddedEngine | undefined;
  const held: { fd: number; done: Flush }[] = [];
  let flushAsked: (() => void) | undefined;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'durable-flush-'));
    held.length = 0;
    // hold every flush of the log until the test lets it complete
    jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: Flush) => {
      held.push({ fd, done });
      flushAsked?.();
    }) as typeof fs.fdatasync);
  });

  afterEach(async () => {
    for (const { done } of held.splice(0)) done(null);
    jest.restoreAllMocks();
    await engine?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const nextFlush = (count: number) => new Promise<void>((resolve) => {
    const check = (): void => (held.length >= count ? resolve() : void (flushAsked = check));
    check();
  });

  it('answers a command only after the WAL file it was written to has been flushed to disk', async () => {
    // given
    engine = await EmbeddedEngine.start({ dataDir, durability: 'full', clockControlled: false });
    const heard: string[] = [];
    engine.onRecords((records) => heard.push(...records.map((r) => `${r.valueType} ${r.intent}`)));
    // when
    let answered = false;
    const deployment = engine.deploy([{ name: 'flush.bpmn', content: Buffer.from(PROCESS) }]).then((result) => {
      answered = true;
      return result;
    });
    await nextFlush(1);
    // then: written, flush asked for the WAL file, but no answer and no record announced yet
    expect(fs.readlinkSync(`/proc/self/fd/${held[0].fd}`)).toBe(path.join(fs.realpathSync(dataDir), 'engine.db-wal'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    expect(heard).toEqual([]);
    // when: the flush completes
    held[0].done(null);
    // then
    await expect(deployment).resolves.toMatchObject({ processes: [expect.objectContaining({ bpmnProcessId: 'flush', version: 1 })] });
    expect(heard).toContain('PROCESS CREATED');
  });

  it('goes down and refuses the command when the flush fails', async () => {
    // given
    engine = await EmbeddedEngine.start({ dataDir, durability: 'full', clockControlled: false });
    // when
    const deployment = engine.deploy([{ name: 'flush.bpmn', content: Buffer.from(PROCESS) }]);
    await nextFlush(1);
    held.splice(0, 1)[0].done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    // then
    await expect(deployment).rejects.toThrow('The engine is down: failed to flush the engine database to disk: EIO: i/o error, fdatasync');
    expect(engine.health()).toEqual({ status: 'DOWN', details: 'failed to flush the engine database to disk: EIO: i/o error, fdatasync' });
  });
});
