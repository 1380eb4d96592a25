import { getPlan, planTeams } from '../../../src/db/registers/inspections';
import { InputError } from '../../runtime/types';
import { type DocumentTemplate } from '../template';
import { clause, need, numbered, peopleNamed, unitName } from '../sources';

interface PlanUnits {
  year: number;
}

const ROLE_ORDER = ['leader', 'deputy', 'member', 'expert', 'liaison'] as const;
const ROLE_NAMES: Record<string, string> = { leader: '组长', deputy: '副组长', member: '成员', expert: '专家', liaison: '联络员' };

/** 巡查组组成人员名单: each team with its 组长, 副组长, members and experts by name, unit and post (二（三））. */
export const teamComposition: DocumentTemplate = {
  name: '巡查组组成人员名单',
  issuer: 'committee',
  async compose({ db }, v) {
    const plan = await getPlan(db, need(v.planId, 'planId'));
    if (!plan) throw new InputError(`no plan ${v.planId}`);
    const teams = await planTeams(db, plan.id);
    if (!teams.length) throw new InputError(`plan ${plan.id} has no approved teams`);
    const names = await peopleNamed(db, teams.flatMap((t) => t.members.map((m) => m.personId)));
    const year = (JSON.parse(plan.data) as PlanUnits).year;
    const lines = await Promise.all(teams.map(async (t) => {
      const roles = ROLE_ORDER.map((role) => {
        const people = t.members.filter((m) => m.role === role).map((m) => names.get(m.personId) ?? m.personId);
        return people.length ? `${ROLE_NAMES[role]}：${people.join('、')}` : '';
      }).filter(Boolean);
      const where = t.unitCodes.length ? `；负责巡查：${(await Promise.all(t.unitCodes.map((u) => unitName(db, u)))).join('、')}` : '';
      return `${clause(t.name)}：${roles.join('；')}${where}`;
    }));
    return {
      subject: `plan:${plan.id}`, title: `关于${year}年度安全生产巡查组组成人员的通知`, mainRecipient: '各镇（街道），区安委会各成员单位', publicity: '此件依申请公开',
      paragraphs: [
        `经区安委会研究，${year}年度安全生产巡查设${teams.length}个巡查组，实行组长负责制。巡查组成员与被巡查单位有利害关系的，实行回避。各巡查组组成人员如下：`,
        ...numbered(lines),
        '巡查组成员在巡查期间与原单位工作脱钩，请各有关单位支持巡查组成员集中精力做好巡查工作。',
      ],
    };
  },
};
