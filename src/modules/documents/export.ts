// Export of an archive search to Excel (exceljs): one row per document, Chinese headers.
import { newWorkbook } from '../../server/excel.js';
import type { Tx } from '../../db/client.js';
import type { ProcessDefinition } from '../../domain/process/definition.js';
import * as repo from './repo.js';
import { SHANGHAI_OFFSET_MS } from '../../domain/iso.js';

/** the most rows one export writes; a larger result says so in its last row */
export const EXPORT_MAX_ROWS = 5000;

const CASE_TYPE_ZH: Record<string, string> = { deal: '商机', ticket: '工单', customer: '客户回访' };
/** Excel has no time zones: write the Asia/Shanghai wall-clock time. */
const shanghaiWallTime = (t: Date) => new Date(t.getTime() + SHANGHAI_OFFSET_MS);

export const EXPORT_COLUMNS = [
  { header: '编号', key: 'number', width: 18 },
  { header: '表单', key: 'form', width: 24 },
  { header: '客户名称', key: 'customer', width: 28 },
  { header: '案件类型', key: 'caseType', width: 10 },
  { header: '分发部门', key: 'copies', width: 26 },
  { header: '填写日期', key: 'createdAt', width: 18 },
  { header: '经办人', key: 'signedBy', width: 24 },
  { header: '归档状态', key: 'archived', width: 10 },
  { header: '归档日期', key: 'archivedAt', width: 18 },
] as const;

export async function exportDocuments(opts: { search: Omit<repo.DocumentSearch, 'limit' | 'offset'>; def: ProcessDefinition; now: Date }, tx: Tx) {
  const found = await repo.searchDocuments(tx, { ...opts.search, limit: EXPORT_MAX_ROWS, offset: 0 });
  const { items } = found;
  // a broad search stops counting early (totalCapped): there are at least as many as were read
  const total = Math.max(found.total, items.length);
  const more = 'totalCapped' in found && found.totalCapped ? '+' : '';
  const wb = await newWorkbook();
  wb.creator = 'Fangyuan 方圆';
  wb.created = opts.now;
  const ws = wb.addWorksheet('档案', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ ...c }));
  ws.getRow(1).font = { bold: true };
  for (const { doc, customerName } of items) {
    ws.addRow({
      number: doc.number,
      form: opts.def.forms[doc.form]?.title.zh ?? doc.form,
      customer: customerName,
      caseType: CASE_TYPE_ZH[doc.caseType] ?? doc.caseType,
      copies: doc.copies.map((d) => opts.def.departments[d as keyof typeof opts.def.departments]?.label.zh ?? d).join('、'),
      createdAt: shanghaiWallTime(doc.createdAt),
      signedBy: doc.signedBy.map((s) => s.displayName).join('、'),
      archived: doc.archivedAt ? '已归档' : '待归档',
      archivedAt: doc.archivedAt ? shanghaiWallTime(doc.archivedAt) : null,
    });
  }
  for (const key of ['createdAt', 'archivedAt']) ws.getColumn(key).numFmt = 'yyyy-mm-dd hh:mm';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  if (more || total > items.length) ws.addRow([`仅导出前 ${items.length} 条，共 ${total}${more} 条，请缩小查询范围 / first ${items.length} of ${total}${more} rows`]);
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return { buffer, rows: items.length, total };
}
