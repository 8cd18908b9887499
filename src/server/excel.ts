// exceljs takes ~0.3 s to load: it loads when the first workbook is made, not at every start.
import type ExcelJS from 'exceljs';

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: Excel } = await import('exceljs');
  return new Excel.Workbook();
}
