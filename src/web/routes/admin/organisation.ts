import { type Response, Router } from 'express';
import { type WebDeps } from '../../deps';
import { notFound, pageContext, requireUser, sendPage, str } from '../../http';
import { type Unit } from '../../store/admin-port';
import {
  peoplePage, personForm, type PersonForm, personPage, RANKS, UNIT_KINDS, unitForm, type UnitForm, unitPage, unitsPage,
} from '../../views/admin/organisation';
import { formOf, refusalOf } from './form';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** 单位, 承办部门, 人员 and 专家. */
export function organisationRoutes(deps: WebDeps): Router {
  const router = Router();
  const admin = deps.store.admin;

  async function unitPickers() {
    const [units, people] = await Promise.all([admin.units(), admin.people()]);
    return {
      towns: units.filter((u) => u.kind === 'town' || u.kind === 'subdistrict' || u.kind === 'zone').map((u) => ({ value: u.code, label: u.name })),
      people: people.map((p) => ({ value: p.id, label: [p.name, p.unitName, p.post].join(' · ') })),
    };
  }

  router.get('/admin/units', async (req, res) => sendPage(res, unitsPage(pageContext(req, res), await admin.units(), false)));
  router.get('/admin/departments', async (req, res) => sendPage(res, unitsPage(pageContext(req, res), await admin.units(), true)));
  router.get('/admin/units/new', async (req, res) => sendPage(res, unitPage(pageContext(req, res), unitForm(), await unitPickers(), { isNew: true })));
  router.get('/admin/units/:code', async (req, res) => {
    const unit = (await admin.units()).find((u) => u.code === req.params.code);
    if (!unit) throw notFound();
    sendPage(res, unitPage(pageContext(req, res), unitForm(unit), await unitPickers(), { isNew: false, saved: str(req.query.saved) === '1' }));
  });

  async function saveUnit(res: Response, code: string | undefined) {
    const user = requireUser(res);
    const f = formOf(res.req.body);
    const form: UnitForm = {
      code: code ?? f.text('code'), name: f.text('name'), shortName: f.text('shortName'), kind: f.text('kind'), parentCode: f.text('parentCode'), domain: f.text('domain'),
      supervising: f.checked('supervising'), industry: f.text('industry'), address: f.text('address'), email: f.text('email'), headPersonId: f.text('headPersonId'),
    };
    const pickers = await unitPickers();
    const problems: string[] = [];
    if (!/^[A-Za-z0-9-]{2,32}$/.test(form.code)) problems.push('单位代码须为2至32个字母、数字或横线。');
    if (!form.name) problems.push('请填写单位名称。');
    if (form.shortName.length > 30) problems.push('简称不能超过30个字。');
    // a picker shows 全称（简称）: a short name another unit already goes by would make two units look alike
    const taken = form.shortName ? (await admin.units()).find((u) => u.code !== form.code && (u.short_name === form.shortName || u.name === form.shortName)) : undefined;
    if (taken) problems.push(`简称“${form.shortName}”已是${taken.name}的名称或简称。`);
    if (!(form.kind in UNIT_KINDS)) problems.push('请选择单位类型。');
    if (form.kind === 'enterprise' && !form.parentCode) problems.push('企业须选择所在镇街。');
    if (form.parentCode && !pickers.towns.some((t) => t.value === form.parentCode)) problems.push('所选镇街不存在。');
    if (form.headPersonId && !pickers.people.some((p) => p.value === form.headPersonId)) problems.push('所选主要负责人不存在。');
    if (form.email && !EMAIL.test(form.email)) problems.push('电子邮箱格式有误。');
    if (form.supervising && !form.domain) problems.push('负有监管职责的单位须填写移交领域。');
    const show = (list: string[]) => sendPage(res, unitPage(pageContext(res.req, res), form, pickers, { isNew: !code, problems: list }), 422);
    if (problems.length) return show(problems);
    try {
      await admin.saveUnit(user.username, {
        code: form.code, name: form.name, shortName: form.shortName || null, kind: form.kind as Unit['kind'], parentCode: form.parentCode || null, domain: form.domain || null,
        supervising: form.supervising, industry: form.industry || null, address: form.address || null, email: form.email || null, headPersonId: form.headPersonId || null,
      }, !code);
    } catch (err) {
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      return show(refusal);
    }
    res.redirect(303, `/admin/units/${encodeURIComponent(form.code)}?saved=1`);
  }
  router.post('/admin/units', (_req, res) => saveUnit(res, undefined));
  router.post('/admin/units/:code', async (req, res) => {
    if (!(await admin.units()).some((u) => u.code === req.params.code)) throw notFound();
    await saveUnit(res, req.params.code);
  });

  const unitChoices = async () => (await admin.units()).map((u) => ({ value: u.code, label: u.name }));
  router.get('/admin/people', async (req, res) => sendPage(res, peoplePage(pageContext(req, res), await admin.people(), false)));
  router.get('/admin/experts', async (req, res) => sendPage(res, peoplePage(pageContext(req, res), await admin.people(), true)));
  router.get('/admin/people/new', async (req, res) =>
    sendPage(res, personPage(pageContext(req, res), personForm(undefined, str(req.query.expert) === '1'), await unitChoices(), {})));
  router.get('/admin/people/:id', async (req, res) => {
    const person = (await admin.people()).find((p) => p.id === req.params.id);
    if (!person) throw notFound();
    sendPage(res, personPage(pageContext(req, res), personForm(person), await unitChoices(), { saved: str(req.query.saved) === '1' }));
  });

  async function savePerson(res: Response, id: string | undefined) {
    const user = requireUser(res);
    const f = formOf(res.req.body);
    const form: PersonForm = {
      id: id ?? '', name: f.text('name'), unitCode: f.text('unitCode'), post: f.text('post'), rank: f.text('rank'), expert: f.checked('expert'),
      safetyYears: f.text('safetyYears') || '0', email: f.text('email'), phone: f.text('phone'),
    };
    const units = await unitChoices();
    const problems: string[] = [];
    if (!form.name) problems.push('请填写姓名。');
    if (!units.some((u) => u.value === form.unitCode)) problems.push('请选择所在单位。');
    if (!form.post) problems.push('请填写职务。');
    if (form.rank && !(RANKS as readonly string[]).includes(form.rank)) problems.push('职级无效。');
    const years = Number(form.safetyYears);
    if (!/^\d{1,2}$/.test(form.safetyYears) || years > 60) problems.push('安全生产监管工作年限应为0至60之间的整数。');
    if (form.email && !EMAIL.test(form.email)) problems.push('电子邮箱格式有误。');
    const show = (list: string[]) => sendPage(res, personPage(pageContext(res.req, res), form, units, { problems: list }), 422);
    if (problems.length) return show(problems);
    let saved: string;
    try {
      saved = await admin.savePerson(user.username, {
        id, name: form.name, unitCode: form.unitCode, post: form.post, rank: form.rank || null, expert: form.expert, safetyYears: years,
        email: form.email || null, phone: form.phone || null,
      });
    } catch (err) {
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      return show(refusal);
    }
    res.redirect(303, `/admin/people/${encodeURIComponent(saved)}?saved=1`);
  }
  router.post('/admin/people', (_req, res) => savePerson(res, undefined));
  router.post('/admin/people/:id', async (req, res) => {
    if (!(await admin.people()).some((p) => p.id === req.params.id)) throw notFound();
    await savePerson(res, req.params.id);
  });

  return router;
}
