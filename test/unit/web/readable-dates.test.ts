import { readableDates } from '../../../src/web/forms/readable-dates';

describe('read-only dates in a task form', () => {
  const schema = {
    components: [
      { type: 'textfield', key: 'due', readonly: true },
      { type: 'textfield', key: 'editable' },
      { type: 'textfield', key: 'note', readonly: true },
      { type: 'group', components: [{ type: 'textfield', key: 'flat', disabled: true }] },
      { type: 'group', path: 'plan', components: [{ type: 'textarea', key: 'approvedAt', readonly: true }] },
      { type: 'datetime', key: 'picked', subtype: 'date', readonly: true },
    ],
  };

  it('shows ISO dates of read-only text fields in Chinese and leaves everything else as it is', () => {
    // given
    const data = { due: '2027-03-01T15:00:00+08:00', editable: '2027-03-01', note: '2027-03-01 以前', flat: '2027-03-01', plan: { approvedAt: '2027-02-27T01:00:00Z' }, picked: '2027-03-01', other: '2027-03-01' };
    // when
    const shown = readableDates(schema, data);
    // then
    expect(shown).toEqual({ due: '2027年3月1日 15:00', editable: '2027-03-01', note: '2027-03-01 以前', flat: '2027年3月1日', plan: { approvedAt: '2027年2月27日 09:00' }, picked: '2027-03-01', other: '2027-03-01' });
    expect(data.due).toBe('2027-03-01T15:00:00+08:00');
    expect(readableDates(undefined, data)).toBe(data);
  });
});
