import { createHash } from 'node:crypto';
import { restCall, startContractEnv, type ContractEnv } from './harness';

/**
 * The Document API (`/v2/documents`) through the orchestration-cluster client of @camunda8/sdk, in-memory store.
 * The loose client: the strict one describes the file part as a string and refuses a File.
 */
describe('documents over REST /v2', () => {
  let env: ContractEnv;

  beforeAll(async () => {
    env = await startContractEnv();
  });
  afterAll(async () => {
    await env.close();
  });

  const text = '巡查工作报告：坛山街道，发现隐患三处。';
  const sha256 = (value: string) => createHash('sha256').update(Buffer.from(value)).digest('hex');

  it('stores a document with its metadata, answers its content by id and hash, and deletes it', async () => {
    // when
    const created = await env.rest.createDocument({
      file: new File([text], '报告.txt', { type: 'text/plain' }),
      metadata: { customProperties: { 组别: '第一巡查组' } },
    } as never);
    // then
    expect(created).toMatchObject({
      'camunda.document.type': 'camunda',
      storeId: 'in-memory',
      contentHash: sha256(text),
      metadata: { fileName: '报告.txt', contentType: 'text/plain', size: Buffer.byteLength(text), customProperties: { 组别: '第一巡查组' } },
    });
    const documentId = String(created.documentId);
    const content = await fetch(`${env.restUrl}/documents/${documentId}?contentHash=${created.contentHash}`);
    expect(content.status).toBe(200);
    expect(await content.text()).toBe(text);
    const wrongHash = await restCall(env, 'GET', `/documents/${documentId}?contentHash=${sha256('别的内容')}`);
    expect(wrongHash.status).toBe(404);
    // when
    await env.rest.deleteDocument({ documentId } as never);
    // then
    expect((await restCall(env, 'GET', `/documents/${documentId}?contentHash=${created.contentHash}`)).status).toBe(404);
    expect((await restCall(env, 'DELETE', `/documents/${documentId}`)).status).toBe(404);
  });

  it('creates several documents in one batch', async () => {
    // when
    const batch = await env.rest.createDocuments({
      files: [new File(['一'], '一.txt', { type: 'text/plain' }), new File(['二二'], '二.txt', { type: 'text/plain' })],
    } as never);
    // then
    expect(batch.failedDocuments ?? []).toEqual([]);
    expect((batch.createdDocuments ?? []).map((d) => [d.metadata?.fileName, d.metadata?.size])).toEqual([['一.txt', 3], ['二.txt', 6]]);
  });

  it('refuses another store, a request without a file and a second document with the same id', async () => {
    // given
    const form = () => {
      const body = new FormData();
      body.append('file', new File(['内容'], 'a.txt', { type: 'text/plain' }));
      return body;
    };
    // when
    const otherStore = await fetch(`${env.restUrl}/documents?storeId=aws`, { method: 'POST', body: form() });
    const noFile = await fetch(`${env.restUrl}/documents`, { method: 'POST', body: new FormData() });
    const first = await fetch(`${env.restUrl}/documents?documentId=doc-1`, { method: 'POST', body: form() });
    const second = await fetch(`${env.restUrl}/documents?documentId=doc-1`, { method: 'POST', body: form() });
    // then
    expect([otherStore.status, noFile.status, first.status, second.status]).toEqual([400, 400, 201, 409]);
  });
});
