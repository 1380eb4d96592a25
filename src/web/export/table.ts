import { type Request, type Response, type Router } from 'express';
import { formatTime, sortableTime } from '../views/format';
import { toCsv } from './csv';
import { toXlsx, XLSX_TYPE } from './xlsx';

/** The formats every table export is offered in. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type CellValue = string | number | boolean | null | undefined;

export interface TableColumn {
  label: string;
  /** `datetime` cells hold ISO 8601 strings (or a bare date); they become real dates in XLSX. */
  kind?: 'text' | 'datetime';
}

/** One exportable table: the same rows and columns for every format. */
export interface Table {
  /** Chinese title: the sheet name and the file name. */
  title: string;
  columns: TableColumn[];
  rows: CellValue[][];
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A cell as a page shows it: dates as people read them (2027年3月1日 15:00), blanks empty. */
export function cellText(column: Pick<TableColumn, 'kind'>, value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'datetime' && typeof value === 'string') return formatTime(value);
  return String(value);
}

/** A cell as CSV holds it: date-times in China Standard Time in a form spreadsheets sort, blanks empty. */
function csvCell(column: Pick<TableColumn, 'kind'>, value: CellValue): CellValue {
  if (value === null || value === undefined) return '';
  return column.kind === 'datetime' && typeof value === 'string' && ISO_TIME.test(value) ? sortableTime(value) : value;
}

/** Sends a table as a download; the file name travels as RFC 5987 `filename*` so Chinese names survive. */
export async function sendTable(res: Response, format: ExportFormat, table: Table): Promise<void> {
  res.attachment(`${table.title}.${format}`);
  if (format === 'xlsx') {
    res.type(XLSX_TYPE).send(await toXlsx(table));
    return;
  }
  const rows = table.rows.map((row) => row.map((v, i) => (table.columns[i]?.kind === 'datetime' ? csvCell(table.columns[i]!, v) : v)));
  res.type('text/csv; charset=utf-8').send(toCsv(table.columns.map((c) => c.label), rows));
}

/**
 * Answers `${path}.csv` and `${path}.xlsx` with the table `build` returns. `build` applies the access rules and
 * scoping, so both formats always carry the same rows.
 */
export function tableExport(router: Router, path: string, build: (req: Request, res: Response, format: ExportFormat) => Promise<Table>): void {
  for (const format of EXPORT_FORMATS) {
    router.get(`${path}.${format}`, async (req, res) => {
      await sendTable(res, format, await build(req, res, format));
    });
  }
}
