// Days as the district counts them: China Standard Time dates of the engine's clock.
const CHINA = 8 * 3_600_000;

export const chinaDay = (at: Date | string | number): string => new Date(new Date(at).getTime() + CHINA).toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** 09:30 in 峄城 on that day: when the rehearsal's working day starts. */
export const morningOf = (day: string): Date => new Date(Date.parse(`${day}T09:30:00+08:00`));
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
