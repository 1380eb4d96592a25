import ExcelJS from 'exceljs';
import { type CellValue, type Table, type TableColumn } from './table';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
const DATE_FORMAT = 'yyyy-mm-dd';
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;

/**
 * Excel dates carry no time zone: a date-time is written as its wall-clock time in China Standard Time, which is
 * what the pages and the CSV show. A bare date stays that day.
 */
function excelValue(column: TableColumn, value: CellValue): { value: ExcelJS.CellValue; numFmt?: string } {
  if (value === null || value === undefined || value === '') return { value: null };
  if (column.kind === 'datetime' && typeof value === 'string') {
    if (ISO_TIME.test(value) && !Number.isNaN(Date.parse(value))) return { value: new Date(Date.parse(value) + CHINA_OFFSET_MS), numFmt: DATETIME_FORMAT };
    if (ISO_DATE.test(value)) return { value: new Date(`${value}T00:00:00Z`), numFmt: DATE_FORMAT };
  }
  return { value };
}

/** Display width in Excel's character units: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

function columnWidth(table: Table, index: number): number {
  const column = table.columns[index]!;
  let widest = displayWidth(column.label);
  if (column.kind === 'datetime') widest = Math.max(widest, DATETIME_FORMAT.length);
  for (const row of table.rows) {
    const v = row[index];
    if (v !== null && v !== undefined && column.kind !== 'datetime') widest = Math.max(widest, displayWidth(String(v)));
  }
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
}

/** Excel refuses sheet names longer than 31 characters or containing []:*?/\ */
export function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31).trim() || '数据';
}

/** One worksheet: bold Chinese header, frozen and filterable, widths to fit, long text wrapped. */
export async function toXlsx(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '峄城区安全生产巡查';
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({ header: c.label, width: columnWidth(table, i) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow([]);
    table.columns.forEach((column, i) => {
      const { value, numFmt } = excelValue(column, row[i]);
      const cell = added.getCell(i + 1);
      cell.value = value;
      if (numFmt) cell.numFmt = numFmt;
      if (typeof value === 'string' && displayWidth(value) > MAX_WIDTH) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  if (table.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
