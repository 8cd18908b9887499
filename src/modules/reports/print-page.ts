// The shared pieces of every printed and exported report: one cell type (text, count, money in fen,
// a rate 0–1, or nothing), written for people on the A4 page and as typed numbers in Excel, and the
// A4 page itself with its print CSS.
import type ExcelJS from 'exceljs';
import { formatYuan } from '../../domain/money.js';

export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A cell of a report: text, a count, money in fen or a rate (0–1); no value is `null`. The page
 *  writes them as people read them, the workbook as numbers with a number format. */
export type Cell = string | number | { fen: number } | { rate: number } | null;
export const money = (fen: number | null): Cell => (fen === null ? null : { fen });
export const rateCell = (r: number | null): Cell => (r === null ? null : { rate: r });

export const MONEY_FMT = '"¥"#,##0.00';
export const RATE_FMT = '0.0%';

export function cellText(c: Cell): string {
  if (c === null) return '—';
  if (typeof c === 'object') return 'fen' in c ? formatYuan(c.fen) : `${(c.rate * 100).toFixed(1)}%`;
  return String(c);
}

export function excelValue(c: Cell): { value: string | number | null; numFmt?: string } {
  if (c === null) return { value: null };
  if (typeof c === 'object') return 'fen' in c ? { value: c.fen / 100, numFmt: MONEY_FMT } : { value: c.rate, numFmt: RATE_FMT };
  return { value: c };
}

/** A table; a column of numbers (counts, money, rates) is aligned right, its missing values too
 *  (`numeric`: which columns are, when a table may have none to tell by).
 *  `cls` `fixed`: equal tables one under another line up (the first column takes 40%). */
export function htmlTable(head: string[], body: Cell[][], cls = '', numeric = head.map((_, i) => body.some((r) => r[i] !== null && typeof r[i] !== 'string'))): string {
  if (!body.length) return '<p class="none">无</p>';
  return `<table${cls ? ` class="${esc(cls)}"` : ''}><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
    body.map((r) => `<tr>${r.map((c, i) => `<td${numeric[i] ? ' class="num"' : ''}>${esc(cellText(c))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

/** An A4 page (landscape for wide tables): a centred title, a subtitle line, and the body's HTML
 *  (`tabTitle`: the browser tab's title when it differs from the printed one). */
export function printPage(opts: { title: string; sub: string; body: string; landscape?: boolean; tabTitle?: string }): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(opts.tabTitle ?? opts.title)}</title><style>
@page { size: A4${opts.landscape ? ' landscape' : ''}; margin: 14mm; }
body { font-family: "Songti SC", "SimSun", serif; font-size: 11pt; color: #000; }
h1 { text-align: center; font-size: 17pt; margin: 0 0 4pt; } .sub { text-align: center; margin-bottom: 10pt; }
h2 { font-size: 12pt; border-bottom: 1px solid #000; margin: 12pt 0 4pt; }
table { width: 100%; border-collapse: collapse; margin-bottom: 6pt; page-break-inside: auto; } tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 2pt 4pt; text-align: left; vertical-align: top; }
table.fixed { table-layout: fixed; } table.fixed th:first-child { width: 40%; }
th { background: #eee; } td.num, .overview td:nth-child(even) { text-align: right; } .none { color: #555; }
.sign { margin-top: 18pt; display: flex; justify-content: space-between; }
</style></head><body>
<h1>${esc(opts.title)}</h1>
<div class="sub">${esc(opts.sub)}</div>
${opts.body}
</body></html>`;
}

/** A workbook sheet: a bold frozen header, typed cells, column widths, printed on A4 across. */
export function addSheet(wb: ExcelJS.Workbook, name: string, head: string[], body: Cell[][], widths: number[] = []) {
  const ws = wb.addWorksheet(name.slice(0, 31));
  ws.addRow(head).font = { bold: true };
  for (const cells of body) {
    const row = ws.addRow(cells.map((c) => excelValue(c).value));
    cells.forEach((c, i) => {
      const { numFmt } = excelValue(c);
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
    });
  }
  ws.columns.forEach((c, i) => { c.width = widths[i] ?? 14; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return ws;
}
