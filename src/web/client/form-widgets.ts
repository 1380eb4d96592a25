/// <reference lib="dom" />
import { translate } from './zh';
import { typedDateError } from './typed-date';

/** flatpickr's texts in Chinese (form-js's date picker); weeks start on Monday. */
export const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  months: {
    shorthand: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  time_24hr: true,
};

interface Flatpickr {
  config: { locale?: unknown };
  set(option: string, value: unknown): void;
}

/**
 * form-js 2.0 writes some texts without `translate` (the select's "Select", the time field's "hh:mm", the search
 * box of a searchable select) and leaves flatpickr in English; fix each as it appears.
 */
export function localiseWidgets(root: HTMLElement): void {
  const fix = () => {
    root.querySelectorAll<HTMLInputElement>('input[placeholder="Search"]').forEach((input) => (input.placeholder = translate('Search')));
    root.querySelectorAll<HTMLInputElement>('input[placeholder="hh:mm"], input[placeholder="hh:mm --"]').forEach((input) => (input.placeholder = '时:分'));
    // the text node itself is changed, not replaced: form-js keeps it and writes the chosen label into it
    root.querySelectorAll<HTMLElement>('.fjs-select-display').forEach((el) => {
      const text = el.firstChild;
      if (text?.nodeType === Node.TEXT_NODE && text.nodeValue === 'Select') text.nodeValue = translate('Select');
    });
    root.querySelectorAll<HTMLInputElement & { _flatpickr?: Flatpickr }>('.fjs-datepicker input').forEach((input) => {
      const picker = input._flatpickr;
      if (picker && picker.config.locale !== FLATPICKR_ZH) picker.set('locale', FLATPICKR_ZH);
    });
  };
  fix();
  new MutationObserver(fix).observe(root, { childList: true, subtree: true, characterData: true });
}

/** Whether a typed date in `root` is impossible (its error is shown under the field). */
export const hasTypedDateErrors = (root: HTMLElement): boolean => root.querySelector('.typed-date-error') !== null;

/**
 * Stops an impossible typed date before flatpickr reads it and says why in Chinese under the field; the server
 * refuses such dates as well. flatpickr reads the text on Enter, on leaving the field, and when focus or a click
 * lands elsewhere while its calendar is open, so the calendar is closed as soon as the text is impossible.
 */
export function guardTypedDates(root: HTMLElement): void {
  const dateInput = (event: Event) => {
    const input = event.target as (HTMLInputElement & { _flatpickr?: { close(): void } }) | null;
    return input instanceof HTMLInputElement && input.closest('.fjs-datepicker') ? input : undefined;
  };
  root.addEventListener('input', (event) => {
    const input = dateInput(event);
    if (input && typedDateError(input.value)) input._flatpickr?.close();
  }, true);
  const check = (event: Event) => {
    const input = dateInput(event);
    if (!input || (event.type === 'keydown' && (event as KeyboardEvent).key !== 'Enter')) return;
    const subsection = input.closest('.fjs-datetime-subsection') ?? input.parentElement!;
    subsection.querySelector('.typed-date-error')?.remove();
    const error = typedDateError(input.value);
    input.setAttribute('aria-invalid', error ? 'true' : 'false');
    if (!error) return;
    event.stopPropagation();
    input._flatpickr?.close();
    const message = document.createElement('div');
    message.className = 'fjs-form-field-error typed-date-error';
    message.setAttribute('role', 'alert');
    message.textContent = error;
    subsection.append(message);
  };
  root.addEventListener('keydown', check, true);
  root.addEventListener('blur', check, true);
}
