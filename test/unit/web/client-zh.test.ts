import { MODELER_TEXTS } from '../../../src/web/client/modeler-zh';
import { typedDateError } from '../../../src/web/client/typed-date';
import { translate, translateWith } from '../../../src/web/client/zh';

describe('the browser client’s Chinese', () => {
  it('names an impossible typed date instead of letting the date picker roll it over', () => {
    expect(typedDateError('2027/13/45')).toBe('2027年13月45日不是有效日期，请检查月份和日期。');
    expect(typedDateError('2027-2-29')).toBe('2027年2月29日不是有效日期，请检查月份和日期。');
    expect(typedDateError('2027年4月31日')).toBe('2027年4月31日不是有效日期，请检查月份和日期。');
    expect(typedDateError('2028/2/29')).toBeUndefined();
    expect(typedDateError('2027/3/1')).toBeUndefined();
    expect(typedDateError('3/1/2027')).toBeUndefined();
  });

  it('translates form-js number errors with their values, and the modeler’s texts over the common ones', () => {
    // given
    const modeler = translateWith(MODELER_TEXTS).translate[1] as (t: string, r?: Record<string, unknown>) => string;
    // when / then
    expect(translate('Value is expected to have at most {value} decimal digits.', { value: 2 })).toBe('最多保留 2 位小数。');
    expect(translate('Value is not a number.')).toBe('必须是数字。');
    expect(modeler('Create start event')).toBe('创建开始事件');
    expect(modeler('Search')).toBe('搜索');
    expect(modeler('Untranslated {x}', { x: 1 })).toBe('Untranslated 1');
  });
});
