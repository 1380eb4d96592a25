import { type Response, Router } from 'express';
import { isRole, type Role } from '../../auth/roles';
import { type WebDeps } from '../../deps';
import { notFound, pageContext, requireUser, sendPage, str } from '../../http';
import { type AccountRow } from '../../store/admin-port';
import { accountPage, accountsPage, type AccountForm, type AccountPickers, rolesPage } from '../../views/admin/accounts';
import { formOf, refusalOf } from './form';

const SCOPED: Role[] = ['unit', 'department'];

const formOfAccount = (a: AccountRow): AccountForm => ({
  login: a.login, displayName: a.displayName, personId: a.personId ?? '', unitCode: a.unitCode ?? '', roles: a.roles.map((r) => r.role),
});

/** 账号 and 角色: create accounts, assign roles and unit, disable, unlock, reset passwords. */
export function accountAdminRoutes(deps: WebDeps): Router {
  const router = Router();
  const admin = deps.store.admin;

  async function pickers(): Promise<AccountPickers> {
    const [people, units] = await Promise.all([admin.people(), admin.units()]);
    return {
      people: people.map((p) => ({ value: p.id, label: [p.name, p.unitName, p.rank ?? p.post].join(' · ') })),
      units: units.map((u) => ({ value: u.code, label: u.name })),
    };
  }

  /** The form's values and the problems found before the store is asked. */
  async function read(body: unknown): Promise<{ form: AccountForm; problems: string[] }> {
    const f = formOf(body);
    const roles = f.list('roles').filter(isRole);
    const form: AccountForm = { login: f.text('login'), displayName: f.text('displayName'), personId: f.text('personId'), unitCode: f.text('unitCode'), roles };
    const problems: string[] = [];
    if (!form.displayName) problems.push('请填写姓名。');
    if (form.displayName.length > 50) problems.push('姓名不超过50个字。');
    if (roles.length === 0) problems.push('请至少选择一个角色。');
    if (roles.some((r) => SCOPED.includes(r)) && !form.unitCode) problems.push('“被巡查单位”“承办部门”角色须选择所属单位。');
    const p = await pickers();
    if (form.personId && !p.people.some((c) => c.value === form.personId)) problems.push('所选人员不存在。');
    if (form.unitCode && !p.units.some((c) => c.value === form.unitCode)) problems.push('所选单位不存在。');
    return { form, problems };
  }

  const memberships = (form: AccountForm) => form.roles.map((role) => ({ role, unitCode: SCOPED.includes(role) ? form.unitCode : null }));

  async function accountOr404(id: string): Promise<AccountRow> {
    const account = (await admin.accounts()).find((a) => a.id === id);
    if (!account) throw notFound();
    return account;
  }

  const showList = async (res: Response, state: { form?: AccountForm; problems?: string[]; created?: string }, status = 200) =>
    sendPage(res, accountsPage(pageContext(res.req, res), await admin.accounts(), {
      form: state.form ?? { login: '', displayName: '', personId: '', unitCode: '', roles: [] }, pickers: await pickers(), problems: state.problems, created: state.created,
    }), status);

  router.get('/admin/accounts', async (req, res) => showList(res, { created: str(req.query.created) }));

  router.post('/admin/accounts', async (req, res) => {
    const user = requireUser(res);
    const { form, problems } = await read(req.body);
    if (!/^[A-Za-z0-9._-]{2,64}$/.test(form.login)) problems.unshift('用户名须为2至64个字母、数字、点、横线或下划线。');
    if (problems.length) return showList(res, { form, problems }, 422);
    try {
      await admin.createAccount(user.username, {
        login: form.login, password: formOf(req.body).raw('password'), displayName: form.displayName, personId: form.personId || undefined,
        unitCode: form.unitCode || undefined, roles: memberships(form), mustChangePassword: true,
      });
    } catch (err) {
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      return showList(res, { form, problems: refusal }, 422);
    }
    res.redirect(303, `/admin/accounts?created=${encodeURIComponent(form.login)}`);
  });

  router.get('/admin/accounts/:id', async (req, res) => {
    const account = await accountOr404(req.params.id);
    sendPage(res, accountPage(pageContext(req, res), account, { form: formOfAccount(account), pickers: await pickers(), saved: savedText[str(req.query.saved) ?? ''] }));
  });

  router.post('/admin/accounts/:id', async (req, res) => {
    const user = requireUser(res);
    const account = await accountOr404(req.params.id);
    const { form, problems } = await read(req.body);
    form.login = account.login;
    const refuse = async (list: string[]) => sendPage(res, accountPage(pageContext(req, res), account, { form, pickers: await pickers(), problems: list }), 422);
    if (problems.length) return refuse(problems);
    try {
      await admin.updateAccount(user.username, account.id, { displayName: form.displayName, personId: form.personId || null, unitCode: form.unitCode || null, roles: memberships(form) });
    } catch (err) {
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      return refuse(refusal);
    }
    res.redirect(303, `/admin/accounts/${account.id}?saved=update`);
  });

  const action = (name: string, run: (by: string, id: string) => Promise<void>) =>
    router.post(`/admin/accounts/:id/${name}`, async (req, res) => {
      const user = requireUser(res);
      const account = await accountOr404(req.params.id as string);
      try {
        await run(user.username, account.id);
      } catch (err) {
        const refusal = refusalOf(err);
        if (!refusal) throw err;
        return sendPage(res, accountPage(pageContext(req, res), account, { form: formOfAccount(account), pickers: await pickers(), problems: refusal }), 422);
      }
      res.redirect(303, `/admin/accounts/${account.id}?saved=${name}`);
    });
  action('disable', (by, id) => admin.setDisabled(by, id, true));
  action('enable', (by, id) => admin.setDisabled(by, id, false));
  action('unlock', (by, id) => admin.unlock(by, id));

  router.post('/admin/accounts/:id/reset-password', async (req, res) => {
    const user = requireUser(res);
    const account = await accountOr404(req.params.id);
    const temporary = await admin.resetPassword(user.username, account.id);
    // shown once, in this answer only: never in a URL or a log
    res.set('Cache-Control', 'no-store');
    sendPage(res, accountPage(pageContext(req, res), await accountOr404(account.id), { form: formOfAccount(account), pickers: await pickers(), temporary }));
  });

  router.get('/admin/roles', async (req, res) => sendPage(res, rolesPage(pageContext(req, res), await admin.accounts())));

  return router;
}

const savedText: Record<string, string> = {
  update: '已保存。', disable: '账号已停用，其登录已全部退出。', enable: '账号已启用。', unlock: '账号已解锁。',
};
