/** Who among a team and which deadline a notice names (三（三）, 四（二）). */

export interface TeamMember {
  personId: string;
  role: string;
  unitCode: string;
}

/** 组长负责制: what goes to the team's leader goes to its 组长 and 副组长. */
export const teamLeads = <M extends TeamMember>(team: M[]): M[] => team.filter((m) => m.role === 'leader' || m.role === 'deputy');

/** The units the team's people come from, each once (their release from work, 脱钩, is told to them). */
export const homeUnits = (team: TeamMember[]): string[] => [...new Set(team.map((m) => m.unitCode))];

/** The deadlines a notice may concern, from the process and the registers. */
export interface NoticeDeadlines {
  /** The deadline the diagram names for this notice. */
  given?: string | null;
  handoverResult?: string | null;
  hazardRectification?: string | null;
  inspectionRectification?: string | null;
  inspectionReport?: string | null;
}

/**
 * The deadline a notice names: the one the diagram gives, else that of its most specific subject — a handover's
 * result, a listed hazard's rectification, the unit's rectification, the inspection report.
 */
export function noticeDue(d: NoticeDeadlines): string | undefined {
  return d.given ?? d.handoverResult ?? d.hazardRectification ?? d.inspectionRectification ?? d.inspectionReport ?? undefined;
}
