import ExcelJS from 'exceljs';
import type request from 'supertest';

/** Downloads a binary response whole (supertest would otherwise try to parse it as text). */
export async function download(agent: request.Agent, path: string): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const res = await agent.get(path).buffer(true).parse((r, cb) => {
    const chunks: Buffer[] = [];
    r.on('data', (c: Buffer) => chunks.push(c));
    r.on('end', () => cb(null, Buffer.concat(chunks)));
  });
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
}

/** The first worksheet of an XLSX file and its cells row by row (header first), empty cells as null. */
export async function readSheet(content: Buffer): Promise<{ sheet: ExcelJS.Worksheet; rows: ExcelJS.CellValue[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    rows.push(Array.from({ length: sheet.columnCount }, (_v, c) => row.getCell(c + 1).value ?? null));
  }
  return { sheet, rows };
}

/** A CSV export as rows of cells (no quoting in the tested data), without the BOM and the final line break. */
export function csvRows(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').replace(/\r\n$/, '').split('\r\n').map((line) => line.split(','));
}

/** A China Standard Time wall-clock time as Excel stores it (dates in Excel carry no time zone). */
export const cst = (iso: string) => new Date(Date.parse(iso) + 8 * 60 * 60 * 1000);

/** An XLSX cell as the CSV writes it: blanks empty, dates as China Standard Time minutes. */
export function asCsvText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 16).replace('T', ' ');
  return String(value);
}
