// The management reports as Excel workbooks (exceljs): one sheet per table, header frozen.
import ExcelJS from 'exceljs';
import { formatYuan } from '../../domain/money.js';
import { shanghaiText } from '../reports/period.js';
import type { engineerScores } from './engineers.js';
import type { salesReview } from './sales.js';

const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
type Cell = string | number;

async function workbook(created: string, sheets: { name: string; head: string[]; rows: Cell[][]; widths?: number[] }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Fangyuan 方圆';
  wb.created = new Date(created);
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.head).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    ws.columns.forEach((c, i) => { c.width = s.widths?.[i] ?? 12; });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
    ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const period = (r: { from: string; to: string }) => `${shanghaiText(r.from).slice(0, 10)} 至 ${shanghaiText(new Date(new Date(r.to).getTime() - 1)).slice(0, 10)}`;

export function engineerScoresXlsx(r: Awaited<ReturnType<typeof engineerScores>>) {
  return workbook(r.from, [{
    name: `工程师考评 ${period(r)}`.slice(0, 31),
    head: ['姓名 / 外包服务商', '维修', '按时', '按时率', '回访确认', '满意', '满意率', '一次修复', '已关闭投诉', '一次修复率', '重复故障', '装机', '按时装机', '综合得分'],
    rows: r.items.map((i) => [
      i.partnerId ? `${i.name}（外包）` : i.name, i.repairs, i.repairsOnTime, pct(i.onTimeRate), i.followUps, i.satisfied, pct(i.satisfactionRate),
      i.firstTimeFixes, i.complaintsClosed, pct(i.firstTimeFixRate), i.repeatFaults, i.installations, i.installationsOnTime, i.score ?? '—',
    ]),
    widths: [22],
  }]);
}

export function salesReviewXlsx(r: Awaited<ReturnType<typeof salesReview>>) {
  return workbook(r.from, [
    {
      name: `业务考评 ${period(r)}`.slice(0, 31),
      head: ['业务员', '新建商机', '签约', '丢失', '放弃', '成交率', '签约金额', '平均周期（工作日）', '超长谈判'],
      rows: r.items.map((i) => [i.name, i.opened, i.won, i.lost, i.dropped, pct(i.winRate), formatYuan(i.signedAmountFen), i.avgCycleWorkingDays ?? '—', i.longNegotiations]),
      widths: [16, 10, 8, 8, 8, 10, 16, 18, 10],
    },
    { name: '丢失原因', head: ['原因', '竞争对手', '次数'], rows: r.lostReasons.map((l) => [l.reason, l.competitor ?? '', l.count]), widths: [40, 20, 8] },
  ]);
}
