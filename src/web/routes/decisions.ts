import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Router } from 'express';
import { can } from '../auth/roles';
import { type WebDeps } from '../deps';
import { forbidden, HttpError, notFound, pageContext, requireUser, sendPage } from '../http';
import { lintDmn } from '../processes/dmn-lint';
import { hasErrors } from '../processes/lint';
import { decisionEditorPage, decisionsPage } from '../views/decisions';

const FILE_NAME = /^[A-Za-z0-9_.-]{1,100}\.dmn$/;
const DECISION_ID = /^[A-Za-z0-9_-]{1,100}$/;

/**
 * 决策表 in the process owners' workspace: the DMN decision tables (processes/*.dmn) edited with dmn-js, checked
 * (src/web/processes/dmn-lint.ts) and deployed as a new version, which the engine evaluates from then on.
 */
export function decisionRoutes(deps: WebDeps): Router {
  const router = Router();
  const { camunda, store } = deps;
  const processesDir = deps.config.processesDir ?? join(process.cwd(), 'processes');

  router.use('/processes/decisions', (_req, res, next) => next(can.ownProcesses(requireUser(res)) ? undefined : forbidden()));

  async function repositoryFiles(): Promise<string[]> {
    return (await readdir(processesDir).catch(() => [] as string[])).filter((f) => f.endsWith('.dmn')).sort();
  }

  router.get('/processes/decisions', async (req, res) => {
    const deployed = await camunda.searchDecisionDefinitions({ page: { limit: 1000 } });
    sendPage(res, decisionsPage(pageContext(req, res), deployed.items, (await repositoryFiles()).map((f) => f.slice(0, -4))));
  });

  router.get('/processes/decisions/:id/edit', async (req, res) => {
    const id = String(req.params.id);
    if (!DECISION_ID.test(id)) throw notFound();
    const versions = (await camunda.searchDecisionDefinitions({ filter: { decisionDefinitionId: id }, page: { limit: 1000 } })).items;
    const latest = versions.sort((a, b) => b.version - a.version)[0];
    // the deployed version is the one in force; an engine that predates its XML read model, or a table not yet
    // deployed, opens the repository's file
    const deployedXml = latest ? await camunda.getDecisionDefinitionXml(latest.decisionDefinitionKey).catch(() => undefined) : undefined;
    const fileName = `${id}.dmn`;
    const fileXml = deployedXml ? undefined
      : await readFile(join(processesDir, fileName), 'utf8').catch(() => undefined);
    const xml = deployedXml ?? fileXml;
    if (!xml) throw notFound();
    const source = deployedXml ? `当前生效：版本 ${latest!.version}` : '尚未部署：打开的是仓库中的文件';
    sendPage(res, decisionEditorPage(pageContext(req, res), `编辑决策表 ${latest?.name ?? id}`, id, xml, fileName, source));
  });

  router.post('/processes/decisions/lint', async (req, res) => {
    const xml = (req.body as { xml?: unknown })?.xml;
    if (typeof xml !== 'string' || !xml.trim()) throw new HttpError(400, '请提交决策表 XML。');
    res.json({ issues: await lintDmn(xml) });
  });

  router.post('/processes/decisions/deploy', async (req, res) => {
    const user = requireUser(res);
    const { xml, fileName } = (req.body ?? {}) as { xml?: unknown; fileName?: unknown };
    if (typeof xml !== 'string' || !xml.trim()) throw new HttpError(400, '请提交决策表 XML。');
    if (typeof fileName !== 'string' || !FILE_NAME.test(fileName)) throw new HttpError(400, '文件名只能包含字母、数字、点、下划线和连字符，并以 .dmn 结尾。');
    const issues = await lintDmn(xml);
    if (hasErrors(issues)) {
      await store.audit({ actor: user.username, action: 'decision.deploy', target: fileName, outcome: 'denied', detail: { errors: issues.length }, ip: req.ip });
      return res.status(422).json({ error: '决策表未通过检查，未部署。', issues });
    }
    const deployed = await camunda.deploy([{ name: fileName, content: xml }]);
    const decision = deployed.find((d) => d.decisionDefinition)?.decisionDefinition;
    await store.audit({ actor: user.username, action: 'decision.deploy', target: fileName, outcome: 'ok', detail: { ...decision }, ip: req.ip });
    res.json({ ok: true, issues, decision });
  });

  return router;
}
