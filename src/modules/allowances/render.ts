// The allowance statement as an Excel workbook for payroll, one row per line with its source record.
import { newWorkbook } from '../../server/excel.js';

type Statement = Awaited<ReturnType<typeof import('./service.js').allowanceStatement>>;
const KIND_ZH = { cs_duty: '客服值班', holiday_installation: '休息日装机', vip_oncall: '7×24 值守' } as const;
const UNIT_ZH = { day: '天', hour: '小时', month: '月' } as const;

export async function renderAllowanceXlsx(s: Statement, now: Date): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Fangyuan 方圆';
  wb.created = now;
  const ws = wb.addWorksheet(`津贴 ${s.month}`);
  ws.addRow(['人员', '类别', '日期', '单号', '法定节假日', '倍数', '数量', '单位', '单价(元)', '金额(元)', '来源']).font = { bold: true };
  for (const l of s.items) {
    ws.addRow([
      l.userName ?? l.userId, KIND_ZH[l.kind], l.date ?? '', l.caseNumber ?? '', l.statutory ? '是' : '', l.multiplier, l.units, UNIT_ZH[l.unit],
      l.rateFen === null ? '' : l.rateFen / 100, l.amountFen === null ? '' : l.amountFen / 100, l.source,
    ]);
  }
  ws.columns.forEach((c, i) => { c.width = [12, 12, 12, 18, 10, 6, 8, 6, 10, 12, 40][i] ?? 12; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const info = wb.addWorksheet('说明');
  info.addRow(['月份', s.month]);
  info.addRow(['审批', s.approved ? `${s.approved.byName ?? s.approved.by}（已锁定）` : '未审批']);
  info.addRow(['倍数', '法定节假日 ×3；其他休息日 ×2；工作日延时 ×1.5']);
  info.getColumn(1).width = 12;
  info.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
