import { Router } from 'express';
import { type WebDeps } from '../../deps';
import { notFound, pageContext, requireUser, sendPage, str } from '../../http';
import { type TeamComposition } from '../../store/admin-port';
import { compositionOf, teamPage, teamsPage } from '../../views/admin/teams';
import { formOf, refusalOf } from './form';

/** 巡查组: each plan's teams, their members and 组长/副组长, changed under the team rules. */
export function teamAdminRoutes(deps: WebDeps): Router {
  const router = Router();
  const admin = deps.store.admin;

  const people = async () => (await admin.people()).map((p) => ({ value: p.id, label: [p.name, p.unitName, p.rank ?? p.post].join(' · ') }));
  const teamOr404 = async (id: string) => {
    const team = (await admin.teams()).find((t) => t.id === id);
    if (!team) throw notFound();
    return team;
  };

  router.get('/admin/teams', async (req, res) => sendPage(res, teamsPage(pageContext(req, res), await admin.teams())));

  router.get('/admin/teams/:id', async (req, res) => {
    const team = await teamOr404(req.params.id);
    sendPage(res, teamPage(pageContext(req, res), team, compositionOf(team), await people(), { saved: str(req.query.saved) === '1' }));
  });

  router.post('/admin/teams/:id', async (req, res) => {
    const user = requireUser(res);
    const team = await teamOr404(req.params.id);
    const f = formOf(req.body);
    const form: TeamComposition = { leaderId: f.text('leaderId'), deputyId: f.text('deputyId'), memberIds: f.list('memberIds'), expertIds: f.list('expertIds') };
    const problems: string[] = [];
    if (!form.leaderId) problems.push('请选择组长。');
    if (!form.deputyId) problems.push('请选择副组长。');
    const show = async (list: string[]) => sendPage(res, teamPage(pageContext(req, res), team, form, await people(), { problems: list }), 422);
    if (problems.length) return show(problems);
    try {
      await admin.saveTeam(user.username, team.id, form);
    } catch (err) {
      const refusal = refusalOf(err);
      if (!refusal) throw err;
      return show(refusal);
    }
    res.redirect(303, `/admin/teams/${team.id}?saved=1`);
  });

  return router;
}
