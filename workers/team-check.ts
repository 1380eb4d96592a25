import { z } from 'zod';
import { checkTeamProposal, type Inspector, type TeamProposal } from '../src/domain/teams';
import { listUnits, listPeople } from '../src/db/organisation';
import { listRecusals } from '../src/db/recusals';
import { defineWorker } from './runtime/types';

/** yc-team-check: checks the proposed teams (size, leaders, experts, recusal, stability in the cycle). */
const team = z.object({
  name: z.string().min(1),
  leaderId: z.string().min(1),
  deputyId: z.string().min(1),
  memberIds: z.array(z.string()),
  expertIds: z.array(z.string()).default([]),
  unitCodes: z.array(z.string()).default([]),
});
export const input = z.object({
  teams: z.array(team).min(1),
  /** Teams approved earlier in the same cycle, to keep the composition stable. */
  approvedTeams: z.array(team).nullish(),
  /** The office's reason when it adjusts the teams for a round (二（三）): the changes go to the committee. */
  adjustmentReason: z.string().nullish(),
});

export default defineWorker({
  type: 'yc-team-check',
  description: '巡查组人员组成审查：人数、组长副组长职级与经历、专家、回避、周期内稳定',
  input,
  headers: z.object({}),
  async handle({ input: { teams, approvedTeams, adjustmentReason }, deps }) {
    const people = new Map<string, Inspector>((await listPeople(deps.db)).map((p) => [p.id, {
      id: p.id, name: p.name, unitCode: p.unit_code, rank: p.rank, expert: p.expert, safetyYears: p.safety_years,
    }]));
    const unitNames = new Map((await listUnits(deps.db)).map((u) => [u.code, u.name]));
    const approved = (approvedTeams ?? undefined) as TeamProposal[] | undefined;
    const adjustment = !!adjustmentReason;
    const recusals = await listRecusals(deps.db);
    const { problems, changes } = checkTeamProposal(teams as TeamProposal[], people, { approved, unitNames, adjustment, recusals });
    return { teamValid: problems.length === 0, teamProblems: problems, teamChanges: changes };
  },
});
