import { EXPORT_FORMATS } from '../export/table';
import { html, type SafeHtml } from '../html';

/** One download link per export format, e.g. 导出 CSV · 导出 XLSX, for `${base}.csv?query` and so on. */
export function exportLinks(base: string, query: string, className: string): SafeHtml {
  const search = query ? `?${query}` : '';
  return html`<span class="export-links">${EXPORT_FORMATS.map(
    (format) => html` <a class="${className}" href="${base}.${format}${search}">导出 ${format.toUpperCase()}</a>`,
  )}</span>`;
}
