import { ConfigError, loadConfig } from '../../../src/config';
import { assessmentPeriodAt, cutoffDay, CutoffError, parseCutoffs } from '../../../src/domain/assessment-cutoff';

describe('assessment cut-off', () => {
  it('takes one day for every year and another for a given year, 31 December without any', () => {
    const rule = parseCutoffs('12-20, 2027-12-10');
    expect(cutoffDay(rule, 2026)).toBe('2026-12-20');
    expect(cutoffDay(rule, 2027)).toBe('2027-12-10');
    expect(cutoffDay(parseCutoffs(''), 2026)).toBe('2026-12-31');
  });

  it('puts a result into its year until the end of the cut-off day in China, then into the next year', () => {
    const rule = parseCutoffs('12-20');
    expect(assessmentPeriodAt(rule, new Date('2026-12-20T23:59:59+08:00'))).toEqual({ year: 2026, cutoffAt: '2026-12-21T00:00:00+08:00' });
    expect(assessmentPeriodAt(rule, new Date('2026-12-21T00:00:00+08:00'))).toEqual({ year: 2027, cutoffAt: '2027-12-21T00:00:00+08:00' });
    // 31 December: the first hours of 1 January in China are still the old year's UTC date, and already the new year's
    expect(assessmentPeriodAt(parseCutoffs(''), new Date('2026-12-31T17:00:00Z'))).toEqual({ year: 2027, cutoffAt: '2028-01-01T00:00:00+08:00' });
  });

  it('refuses days that do not exist every year, impossible dates and a year given twice, and so does the configuration', () => {
    for (const bad of ['02-29', '2027-02-30', '13-01', '12-20,2027-12-01,2027-12-02', 'Dec 20']) expect(() => parseCutoffs(bad)).toThrow(CutoffError);
    expect(() => loadConfig({ ASSESSMENT_CUTOFF: '2027-02-30' })).toThrow(ConfigError);
    expect(loadConfig({ ASSESSMENT_CUTOFF: '12-20' }).ASSESSMENT_CUTOFF).toBe('12-20');
  });
});
