import { checkDateValue } from '../../../src/web/forms/dates';
import { validateSubmission } from '../../../src/web/forms/validate';

describe('dates a form submits', () => {
  const talkForm = { components: [{ type: 'datetime', subtype: 'datetime', key: 'talkHeldAt', dateLabel: '约谈时间' }, { type: 'datetime', subtype: 'date', key: 'due', dateLabel: '整改期限' }] };

  it('stores a date-time entered without an offset as China Standard Time, so 15:00 stays 15:00', () => {
    // when form-js sends the wall-clock time it shows (no timeSerializingFormat in the form)
    const { values, errors } = validateSubmission(talkForm, { talkHeldAt: '2027-03-01T15:00', due: '2027-03-31' });
    // then
    expect(errors).toEqual({});
    expect(values).toEqual({ talkHeldAt: '2027-03-01T15:00:00+08:00', due: '2027-03-31' });
    expect(new Date(values.talkHeldAt as string).toISOString()).toBe('2027-03-01T07:00:00.000Z');
  });

  it('keeps an offset the browser sent', () => {
    expect(checkDateValue('datetime', '2027-03-01T15:00+08:00', '「约谈时间」')).toEqual({ value: '2027-03-01T15:00:00+08:00' });
    expect(checkDateValue('datetime', '2027-03-01T07:00:00.000Z', '「约谈时间」')).toEqual({ value: '2027-03-01T07:00:00.000Z' });
    expect(checkDateValue('time', '15:00', '「时间」')).toEqual({ value: '15:00' });
  });

  it.each([
    ['month 13, day 45', 'date', '2027-13-45', '「整改期限」不是有效日期（2027-13-45），请检查月份和日期。'],
    ['30 February', 'date', '2027-02-30', '「整改期限」不是有效日期（2027-02-30），请检查月份和日期。'],
    ['29 February of a common year', 'datetime', '2027-02-29T09:00', '「整改期限」不是有效日期（2027-02-29），请检查月份和日期。'],
    ['hour 24', 'datetime', '2027-03-01T24:30', '「整改期限」不是有效时间（24:30），应为 00:00 至 23:59。'],
    ['minute 60', 'time', '09:60', '「整改期限」不是有效时间（09:60），应为 00:00 至 23:59。'],
    ['slashes', 'date', '2027/13/45', '「整改期限」日期时间格式无效。'],
  ] as const)('refuses %s with a Chinese message instead of rolling it over', (_name, subtype, value, message) => {
    expect(checkDateValue(subtype, value, '「整改期限」')).toEqual({ error: message });
  });

  it('accepts 29 February of a leap year and reports an impossible date by the field’s label', () => {
    // when
    const leap = validateSubmission(talkForm, { due: '2028-02-29' });
    const impossible = validateSubmission(talkForm, { talkHeldAt: '2027-13-45T15:00', due: '2027-04-31' });
    // then
    expect(leap).toEqual({ values: { due: '2028-02-29' }, errors: {} });
    expect(impossible.errors).toEqual({ talkHeldAt: '「约谈时间」不是有效日期（2027-13-45），请检查月份和日期。', due: '「整改期限」不是有效日期（2027-04-31），请检查月份和日期。' });
    expect(impossible.values).toEqual({});
  });
});
