/**
 * The escalation ladder for overdue or poor rectification (docs/practice.md, "Escalation ladder"): each overdue step climbs one rung.
 * Level 0 = on track. The colour is the 亮灯 status the dashboards show.
 */
export const LADDER = ['催办', '督办函', '约谈', '通报', '挂牌', '问责'] as const;
export type EscalationStep = (typeof LADDER)[number];
export type TrafficLight = 'green' | 'yellow' | 'red';

export interface Escalation {
  level: number; // 1..6 after the step
  step: EscalationStep;
  color: TrafficLight;
}

export class LadderExhausted extends Error {
  constructor(level: number) {
    super(`已到升级阶梯的最后一级（${LADDER[LADDER.length - 1]}），无法继续升级（当前级别 ${level}）`);
  }
}

/** The next rung after `level` (0…5); 催办 stays yellow, everything from 督办函 on is red. */
export function nextEscalation(level: number): Escalation {
  if (!Number.isInteger(level) || level < 0) throw new RangeError(`escalation level must be a whole number ≥ 0, got ${level}`);
  if (level >= LADDER.length) throw new LadderExhausted(level);
  const step = LADDER[level];
  return { level: level + 1, step, color: level === 0 ? 'yellow' : 'red' };
}

/** Traffic light of a deadline: red when overdue, yellow within `warnDays` calendar days, else green. */
export function trafficLight(now: Date, due: Date, warnDays = 3): TrafficLight {
  const left = due.getTime() - now.getTime();
  if (left < 0) return 'red';
  return left <= warnDays * 86_400_000 ? 'yellow' : 'green';
}
