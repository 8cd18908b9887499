// The commission statement as an Excel workbook for payroll: one row per line with every source
// figure (contract amount, income percentage, base, class share) so each amount can be checked.
import { newWorkbook } from '../../server/excel.js';
import { shanghaiText } from '../reports/period.js';

type Statement = Awaited<ReturnType<typeof import('./service.js').commissionStatement>>;

const STATE_ZH = { pending: '待发放（已签约）', due: '应发放（已装机）', paid: '已发放' } as const;
const yuan = (fen: number) => Math.round(fen) / 100;

export async function renderCommissionXlsx(s: Statement, now: Date): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Fangyuan 方圆';
  wb.created = now;
  const ws = wb.addWorksheet(`提成 ${s.month}`);
  ws.addRow(['线索编号', '商机编号', '客户', '推荐人', '业务员', '类别', '合同金额(元)', '业务员收入比例(%)', '比例调整原因', '提成基数(元)', '提成比例(%)', '提成金额(元)', '签约时间', '装机时间', '状态', '发放时间']).font = { bold: true };
  for (const l of s.items) {
    ws.addRow([
      l.leadNumber, l.dealNumber ?? '', l.customerName, l.referrerName ?? l.referrerId, l.salespersonName ?? l.salespersonId, l.class,
      yuan(l.amountFen), l.salesIncomePct, l.incomePctReason ?? '', yuan(l.baseFen), l.pct, yuan(l.commissionFen),
      shanghaiText(l.signedAt), shanghaiText(l.installedAt), STATE_ZH[l.state], shanghaiText(l.paidAt),
    ]);
  }
  const total = ws.addRow(['合计', '', '', '', '', '', '', '', '', '', '', yuan(s.items.reduce((a, l) => a + l.commissionFen, 0))]);
  total.font = { bold: true };
  for (const c of [7, 10, 12]) ws.getColumn(c).numFmt = '#,##0.00';
  ws.columns.forEach((c, i) => { c.width = [18, 18, 24, 10, 10, 6, 14, 10, 20, 14, 8, 14, 18, 18, 16, 18][i] ?? 14; });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const info = wb.addWorksheet('说明');
  info.addRow(['月份', s.month]);
  info.addRow(['业务员收入比例（默认）', `${s.salesIncomePct}%`]);
  info.addRow(['审批', s.approved ? `${s.approved.byName ?? s.approved.by} ${shanghaiText(s.approved.at)}（已锁定）` : '未审批']);
  info.addRow(['计算', '提成基数 = 合同金额 × 业务员收入比例；提成 = 基数 × A 15% / B 35% / C 75%，四舍五入到分']);
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 70;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
