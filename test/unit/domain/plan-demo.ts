import { OFFICIAL_CALENDAR } from '../../../src/domain/calendar';
import { SEED_ASSISTANT_RULES, type AssistantInput } from '../../../src/domain/plan-model';
import { type Inspector } from '../../../src/domain/teams';
import { ACCOUNTS, PEOPLE } from '../../../src/db/seed/people';
import { MEMBER_UNITS, TOWNS, ZONE } from '../../../src/db/seed/units';

/** The demo district of src/db/seed as the plan assistant reads it: 42 units, the inspectors' roster and the experts. */
export const DEMO_UNITS = [...TOWNS, ...MEMBER_UNITS, ZONE].map((u) => ({ code: u.code, name: u.name, lastInspected: null as string | null }));

const onRoster = new Set(ACCOUNTS.filter((a) => a.roles.some((r) => r.role === 'team' || r.role === 'team-leader')).map((a) => a.personId));
export const DEMO_INSPECTORS: Inspector[] = PEOPLE.filter((p) => onRoster.has(p.id) || p.expert === 1).map((p) => ({
  id: p.id, name: p.name, unitCode: p.unit_code, rank: p.rank, expert: p.expert === 1, safetyYears: p.safety_years,
}));

export function demoInput(overrides: Partial<AssistantInput> = {}): AssistantInput {
  return {
    year: 2027, cycle: { start: '2027-01-01', end: '2029-01-01' }, units: DEMO_UNITS, inspectedInCycle: [],
    people: DEMO_INSPECTORS, recusals: [], calendar: OFFICIAL_CALENDAR, earliestTraining: '2027-01-01',
    rules: SEED_ASSISTANT_RULES, ...overrides,
  };
}
