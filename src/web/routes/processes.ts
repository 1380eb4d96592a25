import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router } from 'express';
import { can } from '../auth/roles';
import { type ProcessDefinition } from '../camunda/port';
import { type ProcessIds } from '../camunda/process-ids';
import { type WebDeps } from '../deps';
import { resolveFormOptions } from '../forms/options';
import { parseFormSchema } from '../forms/validate';
import { forbidden, HttpError, keyParam, notFound, pageContext, requireUser, sendPage } from '../http';
import { scopeOf } from './records';
import { compareBpmn } from '../processes/compare';
import { hasErrors, lintBpmn } from '../processes/lint';
import { comparePage, definitionPage, definitionsPage, formPreviewPage, modelerPage } from '../views/processes';

const EMPTY_DIAGRAM = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="definitions" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
  <bpmn:process id="new-process" name="新流程" isExecutable="true">
    <bpmn:startEvent id="start" name="开始" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="diagram">
    <bpmndi:BPMNPlane id="plane" bpmnElement="new-process">
      <bpmndi:BPMNShape id="start_di" bpmnElement="start"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

const FILE_NAME = /^[A-Za-z0-9_.-]{1,100}\.bpmn$/;
const FORM_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function processRoutes(deps: WebDeps, processIds: ProcessIds): Router {
  const router = Router();
  const { camunda, store, config } = deps;

  router.use('/processes', (_req, res, next) => next(can.ownProcesses(requireUser(res)) ? undefined : forbidden()));

  async function definition(key: string): Promise<ProcessDefinition> {
    const page = await camunda.searchProcessDefinitions({ filter: { processDefinitionKey: key }, page: { limit: 1 } });
    const def = page.items[0];
    if (!def) throw notFound();
    return def;
  }

  async function versionsOf(id: string): Promise<ProcessDefinition[]> {
    return (await camunda.searchProcessDefinitions({ filter: { processDefinitionId: id }, page: { limit: 200 } })).items;
  }

  async function forms(): Promise<Array<{ id: string; title: string }>> {
    if (!config.formsDir) return [];
    const files = await readdir(config.formsDir).catch(() => [] as string[]);
    return files.filter((f) => f.endsWith('.form')).sort().map((f) => ({ id: f.slice(0, -5), title: f.slice(0, -5) }));
  }

  router.get('/processes', async (req, res) => {
    const defs = await camunda.searchProcessDefinitions({ sort: [{ field: 'processDefinitionId', order: 'ASC' }], page: { limit: 1000 } });
    sendPage(res, definitionsPage(pageContext(req, res), defs.items, await forms()));
  });

  router.get('/processes/new', (req, res) => {
    sendPage(res, modelerPage(pageContext(req, res), '新建流程图', EMPTY_DIAGRAM, 'new-process.bpmn'));
  });

  router.get('/processes/compare', async (req, res) => {
    const [a, b] = await Promise.all([definition(keyParam(req.query.a)), definition(keyParam(req.query.b))]);
    const [aXml, bXml] = await Promise.all([camunda.getProcessDefinitionXml(a.processDefinitionKey), camunda.getProcessDefinitionXml(b.processDefinitionKey)]);
    sendPage(res, comparePage(pageContext(req, res), a, b, aXml, bXml, await compareBpmn(aXml, bXml)));
  });

  router.get('/processes/forms/:id', async (req, res) => {
    const id = String(req.params.id);
    if (!config.formsDir || !FORM_ID.test(id)) throw notFound();
    const text = await readFile(join(config.formsDir, `${id}.form`), 'utf8').catch(() => undefined);
    const schema = parseFormSchema(text);
    if (!schema) throw notFound();
    // the reference lists (units, people…) as a task would get them; a preview has no inspection, so no evidence
    sendPage(res, formPreviewPage(pageContext(req, res), id, schema, await resolveFormOptions(store, schema, {}, scopeOf(requireUser(res)).evidence)));
  });

  router.post('/processes/lint', async (req, res) => {
    const xml = (req.body as { xml?: unknown })?.xml;
    if (typeof xml !== 'string' || !xml.trim()) throw new HttpError(400, '请提交流程图 XML。');
    res.json({ issues: await lintBpmn(xml) });
  });

  router.post('/processes/deploy', async (req, res) => {
    const user = requireUser(res);
    const { xml, fileName } = (req.body ?? {}) as { xml?: unknown; fileName?: unknown };
    if (typeof xml !== 'string' || !xml.trim()) throw new HttpError(400, '请提交流程图 XML。');
    if (typeof fileName !== 'string' || !FILE_NAME.test(fileName)) throw new HttpError(400, '文件名只能包含字母、数字、点、下划线和连字符，并以 .bpmn 结尾。');
    const issues = await lintBpmn(xml);
    if (hasErrors(issues)) {
      await store.audit({ actor: user.username, action: 'process.deploy', target: fileName, outcome: 'denied', detail: { errors: issues.length }, ip: req.ip });
      return res.status(422).json({ error: '流程图未通过检查，未部署。', issues });
    }
    const deployed = await camunda.deploy([{ name: fileName, content: xml }]);
    processIds.invalidate();
    const process = deployed.find((d) => d.processDefinition)?.processDefinition;
    await store.audit({ actor: user.username, action: 'process.deploy', target: fileName, outcome: 'ok', detail: { ...process }, ip: req.ip });
    res.json({ ok: true, issues, process, redirect: process ? `/processes/${process.processDefinitionKey}` : '/processes' });
  });

  router.get('/processes/:key', async (req, res) => {
    const def = await definition(keyParam(req.params.key));
    const [versions, xml] = await Promise.all([versionsOf(def.processDefinitionId), camunda.getProcessDefinitionXml(def.processDefinitionKey)]);
    sendPage(res, definitionPage(pageContext(req, res), def, versions, xml));
  });

  router.get('/processes/:key/xml', async (req, res) => {
    const def = await definition(keyParam(req.params.key));
    res.type('application/xml; charset=utf-8').send(await camunda.getProcessDefinitionXml(def.processDefinitionKey));
  });

  router.get('/processes/:key/edit', async (req, res) => {
    const def = await definition(keyParam(req.params.key));
    const xml = await camunda.getProcessDefinitionXml(def.processDefinitionKey);
    sendPage(res, modelerPage(pageContext(req, res), `编辑 ${def.name ?? def.processDefinitionId}`, xml, def.resourceName && FILE_NAME.test(def.resourceName) ? def.resourceName : `${def.processDefinitionId}.bpmn`));
  });

  return router;
}
